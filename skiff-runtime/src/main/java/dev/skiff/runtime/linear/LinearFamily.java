package dev.skiff.runtime.linear;

import dev.skiff.runtime.build.EstimatorRegistry;

/** Registers the linear estimators. */
public final class LinearFamily implements EstimatorRegistry.EstimatorFamily {
    @Override
    public void register(EstimatorRegistry r) {
    }
}
