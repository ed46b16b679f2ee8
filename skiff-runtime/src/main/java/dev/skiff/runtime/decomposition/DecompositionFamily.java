package dev.skiff.runtime.decomposition;

import dev.skiff.runtime.build.EstimatorRegistry;

/** Registers the decomposition estimators: PCA, IncrementalPCA, TruncatedSVD. */
public final class DecompositionFamily implements EstimatorRegistry.EstimatorFamily {
    @Override
    public void register(EstimatorRegistry r) {
        r.register("sklearn.decomposition._pca.PCA", Projection::pca);
        r.register("sklearn.decomposition._incremental_pca.IncrementalPCA", Projection::pca);
        r.register("sklearn.decomposition._truncated_svd.TruncatedSVD", Projection::svd);
    }
}
