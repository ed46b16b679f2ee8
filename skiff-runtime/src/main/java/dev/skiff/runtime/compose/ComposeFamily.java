package dev.skiff.runtime.compose;

import dev.skiff.runtime.build.EstimatorRegistry;

/** Registers the composition estimators: Pipeline, ColumnTransformer, FeatureUnion. */
public final class ComposeFamily implements EstimatorRegistry.EstimatorFamily {
    @Override
    public void register(EstimatorRegistry r) {
        r.register(Pipeline.CLASS, Pipeline::build);
        r.register(ColumnTransformer.CLASS, ColumnTransformer::build);
        r.register(FeatureUnion.CLASS, FeatureUnion::build);
    }
}
