package dev.skiff.format.node;

import java.util.List;

/** An object rebuilt as {@code cls(*args)} (datetime, Decimal, Fraction, ...). */
public record ConstructorFromReduceNode(String className, String module, long id, Node args) implements Node {
    @Override
    public String loader() {
        return "ConstructorFromReduceNode";
    }

    @Override
    public List<Child> children() {
        return List.of(new Child(".args", args));
    }

}
