package dev.skiff.format.node;

/** A {@code sklearn.tree._tree.Tree}: constructor args (n_features, n_classes, n_outputs) and state (nodes, values, ...). */
public record TreeNode(String className, String module, long id, Node args, Node state) implements ReduceNode {

    @Override
    public String loader() {
        return "TreeNode";
    }

    @Override
    public String constructorName() {
        return "sklearn.tree._tree.Tree";
    }
}
