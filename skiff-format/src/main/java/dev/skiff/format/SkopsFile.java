package dev.skiff.format;

import dev.skiff.format.node.Node;

/**
 * A {@code .skops} file as read: its node tree, not yet audited.
 *
 * @param root         the root node
 * @param protocol     the skops persistence protocol the file declares (0, 1 or 2 today)
 * @param skopsVersion the writer's {@code _skops_version}, or null
 */
public record SkopsFile(Node root, int protocol, String skopsVersion) {
}
