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
}
