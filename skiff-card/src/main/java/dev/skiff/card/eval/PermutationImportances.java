package dev.skiff.card.eval;

import java.util.List;

/**
 * The result of {@link PermutationImportance#compute}: for every input column, how much the score drops
 * when that column is shuffled, once per repeat (scikit-learn's {@code permutation_importance} Bunch).
 *
 * @param features    input column names, in the frame's order
 * @param importances {@code importances[feature][repeat]}: baseline score minus the score with the column
 *                    shuffled
 * @param mean        per feature, the mean over repeats ({@code importances_mean})
 * @param std         per feature, the population standard deviation over repeats ({@code importances_std})
 * @param baseline    the score on the data as given
 */
public record PermutationImportances(List<String> features, double[][] importances, double[] mean, double[] std,
                                     double baseline) {
    public PermutationImportances {
        features = List.copyOf(features);
    }

    /** Feature indices by decreasing mean importance (ties keep the frame's order). */
    public int[] orderByMean() {
        return java.util.stream.IntStream.range(0, mean.length).boxed()
                .sorted((a, b) -> Double.compare(mean[b], mean[a]))
                .mapToInt(Integer::intValue).toArray();
    }
}
