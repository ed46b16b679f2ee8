package dev.skiff.runtime.encode;

import dev.skiff.runtime.build.EstimatorRegistry;

/** Registers the encode estimators. */
public final class EncodeFamily implements EstimatorRegistry.EstimatorFamily {
    @Override
    public void register(EstimatorRegistry r) {
    }
}
