package dev.skiff.card.eval;

import dev.skiff.runtime.math.Links;

/** The reductions numpy performs inside scikit-learn's metrics, in numpy's order, so results agree to the bit. */
final class NumpySums {
    private NumpySums() {
    }

    /** {@code np.sum} of a contiguous float64 array (pairwise summation). */
    static double sum(double[] a) {
        return Links.pairwiseSum(a, 0, a.length);
    }

    /** {@code np.mean}: the pairwise sum divided by the count. */
    static double mean(double[] a) {
        return sum(a) / a.length;
    }

    /** {@code np.average(a, weights=w)}: {@code sum(a * w) / sum(w)}, both pairwise. */
    static double average(double[] a, double[] w) {
        double[] prod = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            prod[i] = a[i] * w[i];
        }
        return sum(prod) / sum(w);
    }
}
