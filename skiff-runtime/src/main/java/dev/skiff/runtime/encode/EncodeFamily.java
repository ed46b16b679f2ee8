package dev.skiff.runtime.encode;

import dev.skiff.runtime.build.EstimatorRegistry;

/** Registers the encode estimators: OneHotEncoder and OrdinalEncoder. */
public final class EncodeFamily implements EstimatorRegistry.EstimatorFamily {
    @Override
    public void register(EstimatorRegistry r) {
        r.register(OneHotEncoder.CLASS, OneHotEncoder::build);
        r.register(OrdinalEncoder.CLASS, OrdinalEncoder::build);
    }
}
