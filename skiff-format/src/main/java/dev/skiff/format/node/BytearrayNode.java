package dev.skiff.format.node;

import java.util.List;

/** A Python {@code bytearray} stored as its own zip member ({@code BytearrayNode}). */
public record BytearrayNode(String className, String module, long id, byte[] data) implements Node {

    public BytearrayNode {
        data = data.clone();
    }

    public static BytearrayNode of(byte[] data) {
        return new BytearrayNode("bytearray", "builtins", 0, data);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int length() {
        return data.length;
    }

    @Override
    public String loader() {
        return "BytearrayNode";
    }

    @Override
    public List<Child> children() {
        return List.of();
    }
}
