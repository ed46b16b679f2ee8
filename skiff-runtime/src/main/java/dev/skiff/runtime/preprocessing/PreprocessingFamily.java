package dev.skiff.runtime.preprocessing;

import dev.skiff.runtime.build.EstimatorRegistry;

/**
 * Registers the numeric preprocessing estimators: StandardScaler, MinMaxScaler, MaxAbsScaler, RobustScaler,
 * Normalizer, PolynomialFeatures and FunctionTransformer.
 */
public final class PreprocessingFamily implements EstimatorRegistry.EstimatorFamily {
    private static final String P = "sklearn.preprocessing.";

    @Override
    public void register(EstimatorRegistry r) {
        r.register(P + "_data.StandardScaler", Scaler::standard);
        r.register(P + "_data.MinMaxScaler", Scaler::minMax);
        r.register(P + "_data.MaxAbsScaler", Scaler::maxAbs);
        r.register(P + "_data.RobustScaler", Scaler::robust);
        r.register(P + "_data.Normalizer", Normalizer::build);
        r.register(P + "_polynomial.PolynomialFeatures", PolynomialFeatures::build);
        r.register(P + "_function_transformer.FunctionTransformer", FunctionTransformer::build);
    }
}
