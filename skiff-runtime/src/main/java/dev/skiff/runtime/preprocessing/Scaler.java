package dev.skiff.runtime.preprocessing;

import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.build.Attrs;
import dev.skiff.runtime.build.BuildContext;
import dev.skiff.runtime.data.Data;
import dev.skiff.runtime.data.Matrix;
import dev.skiff.runtime.estimator.Estimator;
import dev.skiff.runtime.estimator.Inputs;
import dev.skiff.runtime.estimator.Method;
import dev.skiff.runtime.linear.Fitted;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The column-wise scalers, each with scikit-learn's dense arithmetic in its order (never a multiplication by a
 * reciprocal where scikit-learn divides, which can move the last bit and with it a downstream tree split):
 * <ul>
 *   <li>StandardScaler: {@code X -= mean_} (with_mean), then {@code X /= scale_} (with_std);</li>
 *   <li>RobustScaler: {@code X -= center_} (with_centering), then {@code X /= scale_} (with_scaling);</li>
 *   <li>MaxAbsScaler: {@code X /= scale_}, then clip to [-1, 1] when {@code clip};</li>
 *   <li>MinMaxScaler: {@code X *= scale_; X += min_}, then clip to {@code feature_range} when {@code clip}.</li>
 * </ul>
 * NaN passes through, as in scikit-learn. Immutable and thread-safe.
 */
public final class Scaler implements Estimator {
    private static final Set<Method> METHODS = EnumSet.of(Method.TRANSFORM);

    private final Fitted fit;
    private final double[] sub; // null: no centering
    private final double[] div; // null: no division
    private final double[] mul; // MinMaxScaler only
    private final double[] add; // MinMaxScaler only
    private final boolean clip;
    private final double lo;
    private final double hi;
    private final int m;

    private Scaler(Fitted fit, double[] sub, double[] div, double[] mul, double[] add, boolean clip, double lo,
                   double hi, int m) {
        this.fit = fit;
        this.sub = sub;
        this.div = div;
        this.mul = mul;
        this.add = add;
        this.clip = clip;
        this.lo = lo;
        this.hi = hi;
        this.m = m;
    }

    static Scaler standard(Attrs a, BuildContext ctx) throws ModelBuildException {
        Fitted f = Fitted.read(a);
        boolean withMean = a.bool("with_mean", true);
        boolean withStd = a.bool("with_std", true);
        double[] mean = withMean ? Fitted.vector(a, "mean_", f.nFeatures()) : null;
        double[] scale = withStd && !a.isNone("scale_") ? Fitted.vector(a, "scale_", f.nFeatures()) : null;
        if (withStd && scale == null) {
            throw a.error("scale_", "is None although with_std is True");
        }
        return new Scaler(f, mean, scale, null, null, false, 0, 0, width(f, mean, scale));
    }

    static Scaler robust(Attrs a, BuildContext ctx) throws ModelBuildException {
        Fitted f = Fitted.read(a);
        boolean centering = a.bool("with_centering", true);
        boolean scaling = a.bool("with_scaling", true);
        double[] center = centering ? Fitted.vector(a, "center_", f.nFeatures()) : null;
        double[] scale = scaling ? Fitted.vector(a, "scale_", f.nFeatures()) : null;
        return new Scaler(f, center, scale, null, null, false, 0, 0, width(f, center, scale));
    }

    static Scaler maxAbs(Attrs a, BuildContext ctx) throws ModelBuildException {
        Fitted f = Fitted.read(a);
        double[] scale = Fitted.vector(a, "scale_", f.nFeatures());
        boolean clip = a.has("clip") && a.bool("clip", false);
        return new Scaler(f, null, scale, null, null, clip, -1.0, 1.0, scale.length);
    }

    static Scaler minMax(Attrs a, BuildContext ctx) throws ModelBuildException {
        Fitted f = Fitted.read(a);
        double[] scale = Fitted.vector(a, "scale_", f.nFeatures());
        double[] min = Fitted.vector(a, "min_", scale.length);
        boolean clip = a.has("clip") && a.bool("clip", false);
        double lo = 0;
        double hi = 1;
        if (clip) {
            List<dev.skiff.format.node.Node> range = a.list("feature_range");
            if (range.size() != 2) {
                throw a.error("feature_range", "has " + range.size() + " items, expected 2");
            }
            lo = number(range.get(0), a.pathOf("feature_range") + "[0]");
            hi = number(range.get(1), a.pathOf("feature_range") + "[1]");
        }
        return new Scaler(f, null, null, scale, min, clip, lo, hi, scale.length);
    }

    static double number(dev.skiff.format.node.Node n, String path) throws ModelBuildException {
        return Ufuncs.number(n, path);
    }

    private static int width(Fitted f, double[] a, double[] b) {
        return a != null ? a.length : b != null ? b.length : f.nFeatures();
    }

    @Override
    public String pythonClass() {
        return fit.pythonClass();
    }

    @Override
    public Set<Method> methods() {
        return METHODS;
    }

    @Override
    public Data transform(Data x) {
        Matrix in = Inputs.numeric(x, this);
        int n = in.rows();
        int m = in.cols();
        if (this.m >= 0 && m != this.m) {
            throw new dev.skiff.runtime.ModelInputException(Inputs.shortName(this) + " expects " + this.m
                    + " features, got " + m);
        }
        double[] src = in.data();
        double[] out = new double[src.length];
        double[] sub = this.sub;
        double[] div = this.div;
        if (mul != null) {
            double[] mul = this.mul;
            double[] add = this.add;
            for (int i = 0, o = 0; i < n; i++, o += m) {
                for (int j = 0; j < m; j++) {
                    double v = src[o + j] * mul[j];
                    out[o + j] = v + add[j];
                }
            }
        } else if (sub != null && div != null) {
            for (int i = 0, o = 0; i < n; i++, o += m) {
                for (int j = 0; j < m; j++) {
                    out[o + j] = (src[o + j] - sub[j]) / div[j];
                }
            }
        } else if (sub != null) {
            for (int i = 0, o = 0; i < n; i++, o += m) {
                for (int j = 0; j < m; j++) {
                    out[o + j] = src[o + j] - sub[j];
                }
            }
        } else if (div != null) {
            for (int i = 0, o = 0; i < n; i++, o += m) {
                for (int j = 0; j < m; j++) {
                    out[o + j] = src[o + j] / div[j];
                }
            }
        } else {
            System.arraycopy(src, 0, out, 0, src.length);
        }
        if (clip) {
            // np.clip: NaN stays NaN (Math.max/min propagate it)
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.min(Math.max(out[i], lo), hi);
            }
        }
        return new Matrix(out, n, m);
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
