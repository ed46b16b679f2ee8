package dev.skiff.runtime.build;

import java.util.List;

/** Every estimator family Skiff ships, in registration order. */
final class Families {
    static final List<EstimatorRegistry.EstimatorFamily> ALL = List.of(
            new dev.skiff.runtime.compose.ComposeFamily(),
            new dev.skiff.runtime.preprocessing.PreprocessingFamily(),
            new dev.skiff.runtime.impute.ImputeFamily(),
            new dev.skiff.runtime.encode.EncodeFamily(),
            new dev.skiff.runtime.decomposition.DecompositionFamily(),
            new dev.skiff.runtime.linear.LinearFamily(),
            new dev.skiff.runtime.tree.TreeFamily());

    private Families() {
    }
}
