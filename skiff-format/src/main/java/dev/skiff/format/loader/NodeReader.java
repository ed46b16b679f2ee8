package dev.skiff.format.loader;

import dev.skiff.format.SkopsFormatException;
import dev.skiff.format.node.Node;
import dev.skiff.format.read.State;

/** Turns one node's JSON state into a {@link Node}, reading children through the state. Never resolves classes. */
@FunctionalInterface
public interface NodeReader {
    Node read(State state) throws SkopsFormatException;
}
