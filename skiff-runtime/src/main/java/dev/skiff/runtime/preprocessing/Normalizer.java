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
 * {@code sklearn.preprocessing.Normalizer}: each row divided by its norm ({@code l1}: sum of |x|; {@code l2}:
 * {@code sqrt(einsum("ij,ij->i"))}; {@code max}: max |x|). As {@code _handle_zeros_in_scale}, a norm below
 * {@code 10 * eps} is replaced by 1, so zero rows come out unchanged. The row sums run in index order where
 * numpy may pair them (last-bit differences only). Immutable and thread-safe.
 */
public final class Normalizer implements Estimator {
    private static final Set<Method> METHODS = EnumSet.of(Method.TRANSFORM);
    private static final double TINY = 10 * Math.ulp(1.0);

    enum Norm {
        L1, L2, MAX
    }

    private final Fitted fit;
    private final Norm norm;

    private Normalizer(Fitted fit, Norm norm) {
        this.fit = fit;
        this.norm = norm;
    }

    static Normalizer build(Attrs a, BuildContext ctx) throws ModelBuildException {
        String n = a.string("norm", "l2");
        Norm norm = switch (n) {
            case "l1" -> Norm.L1;
            case "l2" -> Norm.L2;
            case "max" -> Norm.MAX;
            default -> throw a.error("norm", "is \"" + n + "\", expected l1, l2 or max");
        };
        return new Normalizer(Fitted.read(a), norm);
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
        double[] src = in.data();
        double[] out = new double[src.length];
        for (int i = 0, o = 0; i < n; i++, o += m) {
            double s = 0;
            switch (norm) {
                case L1 -> {
                    for (int j = 0; j < m; j++) {
                        s += Math.abs(src[o + j]);
                    }
                }
                case L2 -> {
                    for (int j = 0; j < m; j++) {
                        double v = src[o + j];
                        s += v * v;
                    }
                    s = Math.sqrt(s);
                }
                case MAX -> {
                    s = m == 0 ? 0 : Math.abs(src[o]);
                    for (int j = 1; j < m; j++) {
                        s = Math.max(s, Math.abs(src[o + j]));
                    }
                }
            }
            if (s < TINY) {
                s = 1.0;
            }
            for (int j = 0; j < m; j++) {
                out[o + j] = src[o + j] / s;
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
