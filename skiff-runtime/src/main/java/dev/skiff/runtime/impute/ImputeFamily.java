package dev.skiff.runtime.impute;

import dev.skiff.runtime.build.EstimatorRegistry;

/** Registers the impute estimators: SimpleImputer and MissingIndicator. */
public final class ImputeFamily implements EstimatorRegistry.EstimatorFamily {
    @Override
    public void register(EstimatorRegistry r) {
        r.register(SimpleImputer.CLASS, SimpleImputer::build);
        r.register(MissingIndicator.CLASS, MissingIndicator::build);
    }
}
