package dev.skiff.format.node;

import java.util.List;

/** A Python {@code bytes} stored as its own zip member ({@code BytesNode}). */
public record BytesNode(String className, String module, long id, byte[] data) implements Node {

    public BytesNode {
        data = data.clone();
    }

    public static BytesNode of(byte[] data) {
        return new BytesNode("bytes", "builtins", 0, data);
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
        return "BytesNode";
    }

    @Override
    public List<Child> children() {
        return List.of();
    }
}
