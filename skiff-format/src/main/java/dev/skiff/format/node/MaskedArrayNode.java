package dev.skiff.format.node;

import java.util.List;

/** A {@code numpy.ma.MaskedArray}: data and mask arrays. */
public record MaskedArrayNode(String className, String module, long id, Node data, Node mask) implements Node {
    @Override
    public String loader() {
        return "MaskedArrayNode";
    }

    @Override
    public List<Child> children() {
        return List.of(new Child(".data", data), new Child(".mask", mask));
    }

}
