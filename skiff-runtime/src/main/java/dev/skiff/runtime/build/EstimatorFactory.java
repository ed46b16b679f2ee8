package dev.skiff.runtime.build;

import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.estimator.Estimator;

/** Builds one estimator family from a fitted object's attributes. */
@FunctionalInterface
public interface EstimatorFactory {
    Estimator build(Attrs attrs, BuildContext ctx) throws ModelBuildException;
}
