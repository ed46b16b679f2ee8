package dev.skiff.format.node;

import java.util.List;

/** A {@code numpy.dtype}, carried as an empty array of that dtype. */
public record DTypeNode(String className, String module, long id, Node content) implements Node {
    @Override
    public String loader() {
        return "DTypeNode";
    }

    @Override
    public List<Child> children() {
        return List.of(new Child(".dtype", content));
    }

}
