package dev.skiff.format.node;

import java.util.List;

/** A class or builtin function named by module and name ({@code TypeNode}); resolving it is left to the caller. */
public record TypeNode(String className, String module, long id) implements Node {
    @Override
    public String loader() {
        return "TypeNode";
    }

    @Override
    public List<Child> children() {
        return List.of();
    }

}
