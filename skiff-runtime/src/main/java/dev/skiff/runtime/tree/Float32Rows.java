package dev.skiff.runtime.tree;

import dev.skiff.runtime.ModelInputException;
import dev.skiff.runtime.data.Matrix;

/**
 * X cast to float32 once per call, as scikit-learn's tree estimators validate it ({@code dtype=np.float32}),
 * with the NaN / infinity scan done in the same pass. Infinity includes finite float64 values too large for
 * float32, which scikit-learn rejects the same way after the cast.
 */
record Float32Rows(float[] data, int rows, int cols, boolean hasNaN, boolean hasInf) {

    /** Which non-finite values an estimator accepts after the cast. */
    enum Finite {
        /** NaN and infinity rejected (GradientBoosting). */
        ALL_FINITE,
        /** NaN allowed (missing values), infinity rejected (trees and forests). */
        ALLOW_NAN,
        /** Anything goes (IsolationForest). */
        ANY
    }

    static Float32Rows of(Matrix m, Finite finite, String who) {
        double[] d = m.data();
        float[] f = new float[d.length];
        boolean nan = false;
        boolean inf = false;
        for (int i = 0; i < d.length; i++) {
            float v = (float) d[i];
            f[i] = v;
            if (v != v) {
                nan = true;
                f[i] = Float.NaN; // canonical (positive) NaN: the integer-key walk sends it right
            } else if (v == Float.POSITIVE_INFINITY || v == Float.NEGATIVE_INFINITY) {
                inf = true;
            }
        }
        Float32Rows r = new Float32Rows(f, m.rows(), m.cols(), nan, inf);
        if (finite != Finite.ANY && (inf || (nan && finite == Finite.ALL_FINITE))) {
            r.reject(finite, who);
        }
        return r;
    }

    private void reject(Finite finite, String who) {
        for (int i = 0; i < data.length; i++) {
            float v = data[i];
            boolean bad = Float.isInfinite(v) || (v != v && finite == Finite.ALL_FINITE);
            if (bad) {
                String what = v != v ? "NaN (" + who + " does not accept missing values)"
                        : "infinity or a value too large for float32";
                throw new ModelInputException("row " + (i / cols) + ", column " + (i % cols) + ": input contains "
                        + what);
            }
        }
    }

    /** The rows as float64 values (the float32-rounded numbers), for a nested estimator. */
    Matrix toMatrix() {
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[i];
        }
        return new Matrix(d, rows, cols);
    }
}
