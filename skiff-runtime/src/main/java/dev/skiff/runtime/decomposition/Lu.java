package dev.skiff.runtime.decomposition;

/**
 * LU factorisation with partial pivoting (LAPACK {@code getrf}'s algorithm, unblocked), for the small dense
 * inverses and log-determinants PCA's generative model needs at build time. Results agree with LAPACK's to
 * a few ulp times the condition number.
 */
final class Lu {
    private final double[][] lu;
    private final int[] piv;
    private final int sign;
    private final boolean singular;

    Lu(double[][] a) {
        int n = a.length;
        lu = new double[n][];
        for (int i = 0; i < n; i++) {
            lu[i] = a[i].clone();
        }
        piv = new int[n];
        int s = 1;
        boolean sing = false;
        for (int i = 0; i < n; i++) {
            piv[i] = i;
        }
        for (int k = 0; k < n; k++) {
            int p = k;
            double max = Math.abs(lu[k][k]);
            for (int i = k + 1; i < n; i++) {
                double v = Math.abs(lu[i][k]);
                if (v > max) {
                    max = v;
                    p = i;
                }
            }
            if (p != k) {
                double[] t = lu[p];
                lu[p] = lu[k];
                lu[k] = t;
                int tp = piv[p];
                piv[p] = piv[k];
                piv[k] = tp;
                s = -s;
            }
            double d = lu[k][k];
            if (d == 0) {
                sing = true;
                continue;
            }
            for (int i = k + 1; i < n; i++) {
                double f = lu[i][k] / d;
                lu[i][k] = f;
                if (f != 0) {
                    for (int j = k + 1; j < n; j++) {
                        lu[i][j] -= f * lu[k][j];
                    }
                }
            }
        }
        this.sign = s;
        this.singular = sing;
    }

    /** The inverse (rows), or null when singular. */
    double[][] inverse() {
        if (singular) {
            return null;
        }
        int n = lu.length;
        double[][] inv = new double[n][n];
        double[] col = new double[n];
        for (int c = 0; c < n; c++) {
            for (int i = 0; i < n; i++) {
                col[i] = piv[i] == c ? 1.0 : 0.0;
            }
            for (int i = 0; i < n; i++) {           // L y = P e_c
                double s = col[i];
                for (int j = 0; j < i; j++) {
                    s -= lu[i][j] * col[j];
                }
                col[i] = s;
            }
            for (int i = n - 1; i >= 0; i--) {      // U x = y
                double s = col[i];
                for (int j = i + 1; j < n; j++) {
                    s -= lu[i][j] * col[j];
                }
                col[i] = s / lu[i][i];
            }
            for (int i = 0; i < n; i++) {
                inv[i][c] = col[i];
            }
        }
        return inv;
    }

    /** {@code fast_logdet}: log|det| when the determinant is positive, else -inf (as scikit-learn). */
    double logdetIfPositive() {
        if (singular) {
            return Double.NEGATIVE_INFINITY;
        }
        int s = sign;
        double acc = 0;
        for (int i = 0; i < lu.length; i++) {
            double d = lu[i][i];
            if (d < 0) {
                s = -s;
            }
            acc += Math.log(Math.abs(d));
        }
        return s > 0 ? acc : Double.NEGATIVE_INFINITY;
    }
}
