package dev.skiff.card.eval;

import dev.skiff.runtime.Model;
import dev.skiff.runtime.data.Column;
import dev.skiff.runtime.data.Frame;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code sklearn.inspection.permutation_importance} on the JVM: the baseline score, then for each input
 * column and each repeat the score after shuffling that column's rows (the shuffle of one repeat applied on
 * top of the previous one, as scikit-learn does), and importance = baseline - shuffled score. Each column gets
 * its own random stream derived from the seed, so results are reproducible; they differ from Python's
 * numbers, which come from numpy's generator.
 */
public final class PermutationImportance {
    private PermutationImportance() {
    }

    /** With the model's default score (accuracy or R²) and 5 repeats. */
    public static PermutationImportances compute(Model model, Frame x, Column y, long seed) {
        return compute(model, x, y, Scorer.defaultFor(model), 5, seed);
    }

    public static PermutationImportances compute(Model model, Frame x, Column y, Scorer scorer, int repeats,
                                                 long seed) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
        }
        if (x.rows() != y.size()) {
            throw new EvaluationException("the inputs have " + x.rows() + " rows but the target has " + y.size());
        }
        int n = x.rows();
        int m = x.cols();
        double baseline = scorer.score(model, x, y);
        SplittableRandom master = new SplittableRandom(seed);
        long[] seeds = new long[m];
        for (int j = 0; j < m; j++) {
            seeds[j] = master.nextLong();
        }
        double[][] imp = new double[m][repeats];
        double[] mean = new double[m];
        double[] std = new double[m];
        for (int j = 0; j < m; j++) {
            SplittableRandom rng = new SplittableRandom(seeds[j]);
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            Frame current = x;
            for (int r = 0; r < repeats; r++) {
                shuffle(idx, rng);
                current = withColumn(current, j, current.select(j).takeRows(idx).column(0));
                imp[j][r] = baseline - scorer.score(model, current, y);
            }
            mean[j] = NumpySums.mean(imp[j]);
            double[] dev = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                double d = imp[j][r] - mean[j];
                dev[r] = d * d;
            }
            std[j] = Math.sqrt(NumpySums.mean(dev));
        }
        return new PermutationImportances(x.names(), imp, mean, std, baseline);
    }

    /** Fisher-Yates, in place. */
    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int k = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[k];
            a[k] = t;
        }
    }

    private static Frame withColumn(Frame x, int j, Column c) {
        List<Column> cols = new ArrayList<>(x.columns());
        cols.set(j, c);
        Frame f = Frame.of(x.names(), cols);
        return x.isPositional() ? f.positional() : f;
    }
}
