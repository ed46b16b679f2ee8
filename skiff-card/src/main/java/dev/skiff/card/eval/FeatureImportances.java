package dev.skiff.card.eval;

import java.util.List;

/**
 * A tree model's {@code feature_importances_} (mean decrease in impurity), read from its fitted trees.
 *
 * @param features    the names of the features the trees split on: {@code feature_names_in_} of the tree
 *                    model, else {@code x0, x1, ...}
 * @param importances one value per feature, summing to 1 (all zero when no tree has a split)
 * @param estimator   the Python class that holds them, e.g. {@code RandomForestClassifier}
 */
public record FeatureImportances(List<String> features, double[] importances, String estimator) {
    public FeatureImportances {
        features = List.copyOf(features);
    }

    /** Feature indices by decreasing importance (ties keep the feature order). */
    public int[] order() {
        return java.util.stream.IntStream.range(0, importances.length).boxed()
                .sorted((a, b) -> Double.compare(importances[b], importances[a]))
                .mapToInt(Integer::intValue).toArray();
    }
}
