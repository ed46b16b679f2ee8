package dev.skiff.format.node;

/** A {@code quantile_forest} forest, persisted like a tree. */
public record QuantileForestNode(String className, String module, long id, Node args, Node state) implements ReduceNode {

    @Override
    public String loader() {
        return "QuantileForestNode";
    }

    @Override
    public String constructorName() {
        return "quantile_forest._quantile_forest_fast.QuantileForest";
    }
}
