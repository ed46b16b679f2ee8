package dev.skiff.runtime.math;

/**
 * Link functions and normalisations with scikit-learn's operation order (which decides the last bits):
 * {@code expit} as scipy computes it, softmax with the row maximum subtracted, OvR row normalisation.
 */
public final class Links {
    private Links() {
    }

    /** scipy.special.expit: {@code 1 / (1 + exp(-x))}. */
    public static double expit(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /** In place, row by row, as sklearn.utils.extmath.softmax: subtract the max, exp, divide by the sum. */
    public static void softmaxRows(double[] rowMajor, int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            int o = i * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, rowMajor[o + j]);
            }
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                double e = Math.exp(rowMajor[o + j] - max);
                rowMajor[o + j] = e;
                sum += e;
            }
            for (int j = 0; j < cols; j++) {
                rowMajor[o + j] /= sum;
            }
        }
    }

    /** In place: each row divided by its sum (scikit-learn's one-vs-rest probability normalisation). */
    public static void normalizeRows(double[] rowMajor, int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            int o = i * cols;
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                sum += rowMajor[o + j];
            }
            if (sum != 0) {
                for (int j = 0; j < cols; j++) {
                    rowMajor[o + j] /= sum;
                }
            }
        }
    }

    /** Index of the first maximum, as numpy's argmax (NaN counts as the maximum). */
    public static int argmax(double[] v, int offset, int len) {
        int best = 0;
        double bv = v[offset];
        for (int j = 1; j < len; j++) {
            double x = v[offset + j];
            if (Double.isNaN(bv)) {
                break;
            }
            if (x > bv || Double.isNaN(x)) {
                best = j;
                bv = x;
            }
        }
        return best;
    }

    /**
     * scipy.special.logit as scipy ≥ 1.15 computes it: {@code log(p / (1 - p))} outside [0.3, 0.65], else
     * {@code log1p(2(p - 0.5)) - log1p(-2(p - 0.5))}.
     */
    public static double logit(double p) {
        if (p < 0.3 || p > 0.65) {
            return Math.log(p / (1 - p));
        }
        double s = 2 * (p - 0.5);
        return Math.log1p(s) - Math.log1p(-s);
    }

    /** numpy's pairwise summation of {@code n} values from {@code offset} (what {@code np.sum} does on a contiguous axis). */
    public static double pairwiseSum(double[] a, int offset, int n) {
        if (n < 8) {
            double res = 0.;
            for (int i = 0; i < n; i++) {
                res += a[offset + i];
            }
            return res;
        } else if (n <= 128) {
            double r0 = a[offset], r1 = a[offset + 1], r2 = a[offset + 2], r3 = a[offset + 3];
            double r4 = a[offset + 4], r5 = a[offset + 5], r6 = a[offset + 6], r7 = a[offset + 7];
            int i;
            for (i = 8; i < n - (n % 8); i += 8) {
                r0 += a[offset + i];
                r1 += a[offset + i + 1];
                r2 += a[offset + i + 2];
                r3 += a[offset + i + 3];
                r4 += a[offset + i + 4];
                r5 += a[offset + i + 5];
                r6 += a[offset + i + 6];
                r7 += a[offset + i + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += a[offset + i];
            }
            return res;
        } else {
            int n2 = n / 2;
            n2 -= n2 % 8;
            return pairwiseSum(a, offset, n2) + pairwiseSum(a, offset + n2, n - n2);
        }
    }
}
