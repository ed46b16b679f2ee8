package dev.skiff.runtime.impute;

import dev.skiff.runtime.build.EstimatorRegistry;

/** Registers the impute estimators. */
public final class ImputeFamily implements EstimatorRegistry.EstimatorFamily {
    @Override
    public void register(EstimatorRegistry r) {
    }
}
