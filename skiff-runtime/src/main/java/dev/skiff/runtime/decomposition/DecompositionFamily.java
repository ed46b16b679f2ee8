package dev.skiff.runtime.decomposition;

import dev.skiff.runtime.build.EstimatorRegistry;

/** Registers the decomposition estimators. */
public final class DecompositionFamily implements EstimatorRegistry.EstimatorFamily {
    @Override
    public void register(EstimatorRegistry r) {
    }
}
