package dev.skiff.runtime.preprocessing;

import dev.skiff.runtime.build.EstimatorRegistry;

/** Registers the preprocessing estimators. */
public final class PreprocessingFamily implements EstimatorRegistry.EstimatorFamily {
    @Override
    public void register(EstimatorRegistry r) {
    }
}
