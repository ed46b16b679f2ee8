package dev.skiff.format.inspect;

import java.util.List;

/**
 * One line of an inspected tree.
 *
 * @param label     the attribute, key or index this node sits under
 * @param path      the full node path
 * @param summary   type and value summary
 * @param loader    the skops loader
 * @param untrusted untrusted names this node brings by itself
 * @param children  visible children
 * @param sameAs    for a node shared with an earlier path, that path (its children are shown there)
 */
public record InspectNode(String label, String path, String summary, String loader, List<String> untrusted,
                          List<InspectNode> children, String sameAs) {
    public InspectNode {
        untrusted = List.copyOf(untrusted);
        children = List.copyOf(children);
    }
}
