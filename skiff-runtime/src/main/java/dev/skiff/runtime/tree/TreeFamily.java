package dev.skiff.runtime.tree;

import dev.skiff.runtime.build.EstimatorRegistry;

/** Registers the tree estimators. */
public final class TreeFamily implements EstimatorRegistry.EstimatorFamily {
    @Override
    public void register(EstimatorRegistry r) {
    }
}
