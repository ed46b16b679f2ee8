package dev.skiff.runtime.linear;

import dev.skiff.format.npy.NpyArray;
import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.ModelInputException;
import dev.skiff.runtime.build.Attrs;
import dev.skiff.runtime.data.Matrix;

/**
 * The affine map {@code X @ W.T + b} of every linear model, with {@code W} ({@code k x m}) held row-major and
 * read once at build time. Each score is a float64 dot product accumulated in feature order, then the
 * intercept is added, as numpy's {@code X @ coef_.T + intercept_} does (BLAS may block the sum differently,
 * which moves the last bit or two, never more).
 */
public final class Affine {
    private final double[] w;
    private final double[] b;
    private final int k;
    private final int m;
    private final boolean twoDim;

    /**
     * @param w      {@code k x m} weights, row-major
     * @param b      {@code k} intercepts
     * @param twoDim whether {@code coef_} was 2-d (a multi-output regressor answers a matrix then)
     */
    public Affine(double[] w, double[] b, int k, int m, boolean twoDim) {
        if (w.length != k * m || b.length != k) {
            throw new IllegalArgumentException("weights " + w.length + " / intercepts " + b.length + " for " + k + "x" + m);
        }
        this.w = w;
        this.b = b;
        this.k = k;
        this.m = m;
        this.twoDim = twoDim;
    }

    /**
     * {@code coef_} (1-d or 2-d) and {@code intercept_} (a number, a 0-d, 1-element or k-element array; a
     * single value is broadcast over the outputs, as numpy does).
     */
    public static Affine read(Attrs a, String coefName, String interceptName) throws ModelBuildException {
        NpyArray coef = a.array(coefName);
        long[] s = coef.shape();
        int k;
        int m;
        boolean twoDim;
        if (s.length == 1) {
            k = 1;
            m = (int) s[0];
            twoDim = false;
        } else if (s.length == 2) {
            k = (int) s[0];
            m = (int) s[1];
            twoDim = true;
        } else {
            throw a.error(coefName, "has " + s.length + " dimensions, expected 1 or 2");
        }
        double[] w = a.doubles(coefName);
        double[] b;
        if (interceptName == null || a.isNone(interceptName)) {
            b = new double[k];
        } else {
            double[] raw = a.doubles(interceptName);
            if (raw.length == k) {
                b = raw;
            } else if (raw.length == 1) {
                b = new double[k];
                java.util.Arrays.fill(b, raw[0]);
            } else {
                throw a.error(interceptName, "has " + raw.length + " values for " + k + " outputs");
            }
        }
        return new Affine(w, b, k, m, twoDim);
    }

    /** Number of outputs (rows of {@code coef_}). */
    public int outputs() {
        return k;
    }

    /** Number of input features (columns of {@code coef_}). */
    public int features() {
        return m;
    }

    public boolean twoDim() {
        return twoDim;
    }

    /** A copy of the weights, {@code k x m} row-major. */
    public double[] weights() {
        return w.clone();
    }

    /** A copy of the intercepts. */
    public double[] intercepts() {
        return b.clone();
    }

    /**
     * The scores, {@code n x k} row-major. Four rows are computed side by side (independent accumulators, so
     * the CPU overlaps their additions); each row's sum still runs in feature order, so the numbers are those
     * of the one-row loop.
     */
    public double[] apply(Matrix x) {
        if (x.cols() != m) {
            throw new ModelInputException("the linear model has " + m + " features, the input has " + x.cols());
        }
        int n = x.rows();
        double[] in = x.data();
        double[] out = new double[Math.multiplyExact(n, k)];
        double[] w = this.w;
        double[] b = this.b;
        int m = this.m;
        int k = this.k;
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            int x0 = i * m;
            int x1 = x0 + m;
            int x2 = x1 + m;
            int x3 = x2 + m;
            for (int c = 0, wo = 0; c < k; c++, wo += m) {
                double s0 = 0.0;
                double s1 = 0.0;
                double s2 = 0.0;
                double s3 = 0.0;
                for (int j = 0; j < m; j++) {
                    double wj = w[wo + j];
                    s0 += in[x0 + j] * wj;
                    s1 += in[x1 + j] * wj;
                    s2 += in[x2 + j] * wj;
                    s3 += in[x3 + j] * wj;
                }
                double bc = b[c];
                out[i * k + c] = s0 + bc;
                out[(i + 1) * k + c] = s1 + bc;
                out[(i + 2) * k + c] = s2 + bc;
                out[(i + 3) * k + c] = s3 + bc;
            }
        }
        for (; i < n; i++) {
            int xo = i * m;
            for (int c = 0, wo = 0; c < k; c++, wo += m) {
                double s = 0.0;
                for (int j = 0; j < m; j++) {
                    s += in[xo + j] * w[wo + j];
                }
                out[i * k + c] = s + b[c];
            }
        }
        return out;
    }
}
