package dev.skiff.format.node;

import java.util.List;

/**
 * A node Python rebuilds as {@code Constructor(*args)} followed by {@code __setstate__(state)}, with the
 * constructor fixed by the loader rather than read from the file (tree, loss and quantile-forest nodes).
 */
public sealed interface ReduceNode extends Node permits TreeNode, LossNode, QuantileForestNode {

    /** The constructor arguments (a {@link TupleNode} in files Python wrote). */
    Node args();

    /** The state passed to {@code __setstate__}. */
    Node state();

    /** The class the loader constructs, as {@code module.Class}. */
    String constructorName();

    @Override
    default List<Child> children() {
        return List.of(new Child(".__getstate__", state()), new Child(".__reduce__.args", args()));
    }
}
