package dev.skiff.format.node;

import java.util.List;

/**
 * A function by module and name ({@code FunctionNode}): numpy/scipy ufuncs, numpy functions, Python functions.
 * {@code protocol0} marks the old form, which skops trusts less (only scipy ufuncs by default).
 */
public record FunctionNode(String className, String module, long id, boolean protocol0) implements Node {
    @Override
    public String loader() {
        return "FunctionNode";
    }

    @Override
    public List<Child> children() {
        return List.of();
    }

}
