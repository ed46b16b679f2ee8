package dev.skiff.runtime.decomposition;

import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.build.Attrs;
import dev.skiff.runtime.build.BuildContext;
import dev.skiff.runtime.data.Data;
import dev.skiff.runtime.data.Matrix;
import dev.skiff.runtime.estimator.Estimator;
import dev.skiff.runtime.estimator.Inputs;
import dev.skiff.runtime.estimator.Method;
import dev.skiff.runtime.linear.Affine;
import dev.skiff.runtime.linear.Fitted;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The linear projections of {@code sklearn.decomposition}: PCA and IncrementalPCA ({@code _BasePCA.transform}:
 * {@code X @ components_.T - mean_ @ components_.T}, the centering applied after the projection as
 * scikit-learn ≥ 1.5 does, then, when {@code whiten}, divided by {@code sqrt(explained_variance_)} clipped
 * below at eps) and TruncatedSVD ({@code X @ components_.T}). {@code mean_ @ components_.T} is computed once
 * at build time. Immutable and thread-safe.
 */
public final class Projection implements Estimator {
    private static final Set<Method> METHODS = EnumSet.of(Method.TRANSFORM);

    private final Fitted fit;
    private final Affine proj;   // X @ components_.T (no intercept)
    private final double[] meanProj; // null: no centering
    private final double[] scale;    // null: no whitening
    private final Likelihood likelihood; // PCA's score_samples, or null
    private final Set<Method> methods;

    private Projection(Fitted fit, Affine proj, double[] meanProj, double[] scale, Likelihood likelihood)
            throws ModelBuildException {
        this.fit = fit;
        this.proj = proj;
        this.meanProj = meanProj;
        this.scale = scale;
        this.likelihood = likelihood;
        this.methods = likelihood == null ? METHODS : EnumSet.of(Method.TRANSFORM, Method.SCORE_SAMPLES);
        if (fit.nFeatures() >= 0 && fit.nFeatures() != proj.features()) {
            throw new ModelBuildException(fit.pythonClass() + ": components_ has " + proj.features()
                    + " columns, n_features_in_ is " + fit.nFeatures());
        }
    }

    /** PCA, IncrementalPCA. */
    static Projection pca(Attrs a, BuildContext ctx) throws ModelBuildException {
        Fitted fit = Fitted.read(a);
        Affine proj = components(a);
        double[] meanProj = null;
        if (!a.isNone("mean_")) {
            double[] mean = Fitted.vector(a, "mean_", proj.features());
            meanProj = proj.apply(new Matrix(mean, 1, mean.length));
        }
        double[] scale = null;
        boolean whiten = a.bool("whiten", false);
        if (whiten) {
            double[] ev = a.doubles("explained_variance_");
            if (ev.length != proj.outputs()) {
                throw a.error("explained_variance_", "has " + ev.length + " values for " + proj.outputs()
                        + " components");
            }
            double eps = Math.ulp(1.0);
            scale = new double[ev.length];
            for (int i = 0; i < ev.length; i++) {
                double s = Math.sqrt(ev[i]);
                scale[i] = s < eps ? eps : s;
            }
        }
        Likelihood ll = null;
        if (a.pythonClass().endsWith("._pca.PCA") && !a.isNone("mean_") && !a.isNone("noise_variance_")) {
            ll = Likelihood.of(proj, Fitted.vector(a, "mean_", proj.features()), a.doubles("explained_variance_"),
                    a.number("noise_variance_"), whiten);
        }
        return new Projection(fit, proj, meanProj, scale, ll);
    }

    /** TruncatedSVD. */
    static Projection svd(Attrs a, BuildContext ctx) throws ModelBuildException {
        return new Projection(Fitted.read(a), components(a), null, null, null);
    }

    private static Affine components(Attrs a) throws ModelBuildException {
        Affine c = Affine.read(a, "components_", null);
        if (!c.twoDim()) {
            throw a.error("components_", "is 1-d, expected (n_components, n_features)");
        }
        return c;
    }

    @Override
    public String pythonClass() {
        return fit.pythonClass();
    }

    @Override
    public Set<Method> methods() {
        return methods;
    }

    /** PCA's probabilistic model: {@code score_samples} (per-sample Gaussian log-likelihood). */
    @Override
    public Matrix scoreSamples(Data x) {
        if (likelihood == null) {
            throw unsupported(Method.SCORE_SAMPLES);
        }
        Matrix in = Inputs.numeric(x, this);
        return Matrix.column(likelihood.apply(in));
    }

    /**
     * {@code PCA.score_samples}: {@code -0.5 * sum(Xr * (Xr @ P), axis=1) - 0.5 * (m log 2π - logdet P)} with
     * {@code Xr = X - mean_} and {@code P = get_precision()} (the matrix inversion lemma when the noise variance
     * is positive, else the inverse of {@code get_covariance()}), built once. P comes from an LU inverse like
     * LAPACK's, so scores agree to a few ulp times P's condition number.
     */
    record Likelihood(double[] mean, double[] precision, int m, double constant) {
        static Likelihood of(Affine proj, double[] mean, double[] ev, double nv, boolean whiten)
                throws ModelBuildException {
            int k = proj.outputs();
            int m = proj.features();
            if (ev.length != k) {
                throw new ModelBuildException("explained_variance_ has " + ev.length + " values for " + k
                        + " components");
            }
            double[][] c = new double[k][m];
            double[] w = proj.weights();
            for (int i = 0; i < k; i++) {
                double f = whiten ? Math.sqrt(ev[i]) : 1.0;
                for (int j = 0; j < m; j++) {
                    c[i][j] = whiten ? w[i * m + j] * f : w[i * m + j];
                }
            }
            double[] diff = new double[k];
            for (int i = 0; i < k; i++) {
                diff[i] = ev[i] > nv ? ev[i] - nv : 0.0;
            }
            double[][] p;
            if (k == 0) {
                p = new double[m][m];
                for (int i = 0; i < m; i++) {
                    p[i][i] = 1.0 / nv;
                }
            } else if (nv == 0.0) {
                double[][] cov = new double[m][m];
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < m; j++) {
                        double s = 0;
                        for (int t = 0; t < k; t++) {
                            s += (c[t][i] * diff[t]) * c[t][j];
                        }
                        cov[i][j] = s;
                    }
                    cov[i][i] += nv;
                }
                p = new Lu(cov).inverse();
                if (p == null) {
                    return null;
                }
            } else {
                double[][] small = new double[k][k];
                for (int a = 0; a < k; a++) {
                    for (int b = 0; b < k; b++) {
                        double s = 0;
                        for (int j = 0; j < m; j++) {
                            s += c[a][j] * c[b][j];
                        }
                        small[a][b] = s / nv;
                    }
                    small[a][a] += 1.0 / diff[a];
                }
                double[][] inv = new Lu(small).inverse();
                if (inv == null) {
                    return null;
                }
                double[][] left = new double[m][k]; // C.T @ inv
                for (int i = 0; i < m; i++) {
                    for (int b = 0; b < k; b++) {
                        double s = 0;
                        for (int a = 0; a < k; a++) {
                            s += c[a][i] * inv[a][b];
                        }
                        left[i][b] = s;
                    }
                }
                p = new double[m][m];
                double nv2 = -(nv * nv);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < m; j++) {
                        double s = 0;
                        for (int b = 0; b < k; b++) {
                            s += left[i][b] * c[b][j];
                        }
                        p[i][j] = s / nv2;
                    }
                    p[i][i] += 1.0 / nv;
                }
            }
            double logdet = new Lu(p).logdetIfPositive();
            double constant = 0.5 * (m * Math.log(2.0 * Math.PI) - logdet);
            double[] flat = new double[m * m];
            for (int i = 0; i < m; i++) {
                System.arraycopy(p[i], 0, flat, i * m, m);
            }
            return new Likelihood(mean, flat, m, constant);
        }

        double[] apply(Matrix x) {
            int n = x.rows();
            double[] in = x.data();
            double[] out = new double[n];
            double[] xr = new double[m];
            for (int r = 0, o = 0; r < n; r++, o += m) {
                for (int j = 0; j < m; j++) {
                    xr[j] = in[o + j] - mean[j];
                }
                double s = 0;
                for (int j = 0; j < m; j++) {
                    double t = 0;
                    for (int i = 0; i < m; i++) {
                        t += xr[i] * precision[i * m + j];
                    }
                    s += xr[j] * t;
                }
                double ll = -0.5 * s;
                out[r] = ll - constant;
            }
            return out;
        }
    }

    @Override
    public Data transform(Data x) {
        Matrix in = Inputs.numeric(x, this);
        double[] y = proj.apply(in);
        int k = proj.outputs();
        if (meanProj != null || scale != null) {
            double[] mp = meanProj;
            double[] sc = scale;
            for (int i = 0, o = 0; i < in.rows(); i++, o += k) {
                for (int c = 0; c < k; c++) {
                    double v = y[o + c];
                    if (mp != null) {
                        v -= mp[c];
                    }
                    if (sc != null) {
                        v /= sc[c];
                    }
                    y[o + c] = v;
                }
            }
        }
        return new Matrix(y, in.rows(), k);
    }

    @Override
    public List<String> featureNamesIn() {
        return fit.featureNames();
    }

    @Override
    public int nFeaturesIn() {
        return fit.nFeatures();
    }
}
