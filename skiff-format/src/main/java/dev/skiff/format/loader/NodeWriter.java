package dev.skiff.format.loader;

import dev.skiff.format.node.Node;
import dev.skiff.format.write.WriteContext;

import java.io.IOException;

/**
 * Writes one node's loader-specific keys, including {@code __loader__} at the place Python puts it; the
 * caller has written {@code __class__} and {@code __module__} and will add {@code __id__}.
 */
@FunctionalInterface
public interface NodeWriter<N extends Node> {
    void write(N node, WriteContext out) throws IOException;
}
