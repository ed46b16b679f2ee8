package dev.skiff.format.node;

/** A scikit-learn Cython loss object (SGD losses, {@code _loss} classes), rebuilt from its own class name. */
public record LossNode(String className, String module, long id, Node args, Node state) implements ReduceNode {

    @Override
    public String loader() {
        return "LossNode";
    }

    @Override
    public String constructorName() {
        return typeName();
    }
}
