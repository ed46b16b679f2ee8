package dev.skiff.runtime.preprocessing;

import dev.skiff.format.node.Node;
import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.build.Attrs;
import dev.skiff.runtime.build.BuildContext;
import dev.skiff.runtime.data.Data;
import dev.skiff.runtime.data.Matrix;
import dev.skiff.runtime.estimator.Estimator;
import dev.skiff.runtime.estimator.Inputs;
import dev.skiff.runtime.estimator.Method;
import dev.skiff.runtime.linear.Fitted;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code sklearn.preprocessing.PolynomialFeatures} on dense input. The build replays scikit-learn's dense
 * {@code transform} (the "index" recurrence that fills the columns of degree d from those of degree d - 1
 * times one feature) into a recipe {@code out[c] = out[src[c]] * x[feat[c]]}, so the column order is
 * exactly {@code _combinations}' and every product is formed in the same order, bit for bit. For
 * {@code min_degree > 1} the full expansion is cut down as scikit-learn cuts it. Immutable and thread-safe.
 */
public final class PolynomialFeatures implements Estimator {
    private static final Set<Method> METHODS = EnumSet.of(Method.TRANSFORM);

    private final Fitted fit;
    private final int m;
    private final boolean bias;
    private final int full;      // _n_out_full
    private final int first;     // first column computed from a product
    private final int[] src;     // per product column (from `first`): source column
    private final int[] feat;    // per product column: feature multiplied in
    private final int nOut;      // n_output_features_
    private final int cutFrom;   // columns taken from the full expansion start here (after the bias)

    private PolynomialFeatures(Fitted fit, int m, boolean bias, int full, int first, int[] src, int[] feat,
                               int nOut, int cutFrom) {
        this.fit = fit;
        this.m = m;
        this.bias = bias;
        this.full = full;
        this.first = first;
        this.src = src;
        this.feat = feat;
        this.nOut = nOut;
        this.cutFrom = cutFrom;
    }

    static PolynomialFeatures build(Attrs a, BuildContext ctx) throws ModelBuildException {
        Fitted f = Fitted.read(a);
        int m = f.nFeatures();
        if (m < 0) {
            if (a.has("n_input_features_")) {
                m = (int) a.integer("n_input_features_");
            } else {
                throw a.error("n_features_in_", "is missing (was the estimator fitted?)");
            }
        }
        int minDeg;
        int maxDeg;
        if (a.has("_max_degree")) {
            minDeg = (int) a.integer("_min_degree");
            maxDeg = (int) a.integer("_max_degree");
        } else {
            Node d = a.node("degree");
            if (d instanceof dev.skiff.format.node.TupleNode || d instanceof dev.skiff.format.node.ListNode) {
                List<Node> items = a.list("degree");
                minDeg = (int) Scaler.number(items.get(0), a.pathOf("degree") + "[0]");
                maxDeg = (int) Scaler.number(items.get(1), a.pathOf("degree") + "[1]");
            } else {
                minDeg = 0;
                maxDeg = (int) a.integer("degree");
            }
        }
        if (minDeg < 0 || maxDeg < minDeg || maxDeg > 64) {
            throw a.error("degree", "gives degrees [" + minDeg + ", " + maxDeg + "], not supported");
        }
        boolean interaction = a.bool("interaction_only", false);
        boolean bias = a.bool("include_bias", true);

        // replay of PolynomialFeatures.transform (dense branch), recording each product column's operands
        List<Integer> srcs = new ArrayList<>();
        List<Integer> feats = new ArrayList<>();
        int current = bias ? 1 : 0;
        int first;
        if (maxDeg == 0) {
            first = current;
        } else {
            List<Integer> index = new ArrayList<>();
            for (int j = 0; j < m; j++) {
                index.add(current + j);
            }
            current += m;
            index.add(current);
            first = current;
            for (int deg = 2; deg <= maxDeg; deg++) {
                List<Integer> next = new ArrayList<>();
                int end = index.get(index.size() - 1);
                for (int fi = 0; fi < m; fi++) {
                    int start = index.get(fi);
                    next.add(current);
                    if (interaction) {
                        start += index.get(fi + 1) - index.get(fi);
                    }
                    int nextCol = current + end - start;
                    if (nextCol <= current) {
                        break;
                    }
                    for (int c = start; c < end; c++) {
                        srcs.add(c);
                        feats.add(fi);
                    }
                    current = nextCol;
                }
                next.add(current);
                index = next;
            }
        }
        int full = current;
        int nOut;
        if (a.has("n_output_features_")) {
            nOut = (int) a.integer("n_output_features_");
        } else {
            nOut = minDeg > 1 ? -1 : full;
        }
        if (minDeg <= 1 && nOut != full) {
            throw a.error("n_output_features_", "is " + nOut + ", the expansion has " + full + " columns");
        }
        if (nOut < 0 || nOut > full) {
            throw a.error("n_output_features_", "is " + nOut + " for a full expansion of " + full + " columns");
        }
        int cutFrom = minDeg > 1 ? (bias ? full - nOut + 1 : full - nOut) : 0;
        return new PolynomialFeatures(f, m, bias, full, first, toInts(srcs), toInts(feats), nOut, cutFrom);
    }

    private static int[] toInts(List<Integer> l) {
        int[] out = new int[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = l.get(i);
        }
        return out;
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
        if (in.cols() != m) {
            throw new dev.skiff.runtime.ModelInputException("PolynomialFeatures expects " + m + " features, got "
                    + in.cols());
        }
        int n = in.rows();
        double[] xs = in.data();
        double[] out = new double[Math.multiplyExact(n, nOut)];
        boolean cut = cutFrom > 0;
        double[] row = cut ? new double[full] : out;
        int[] src = this.src;
        int[] feat = this.feat;
        int deg1 = bias ? 1 : 0;
        boolean hasDeg1 = first > deg1; // max degree >= 1
        for (int i = 0; i < n; i++) {
            int o = cut ? 0 : i * nOut;
            int xo = i * m;
            if (bias) {
                row[o] = 1.0;
            }
            if (hasDeg1) {
                System.arraycopy(xs, xo, row, o + deg1, m);
            }
            for (int c = 0; c < src.length; c++) {
                row[o + first + c] = row[o + src[c]] * xs[xo + feat[c]];
            }
            if (cut) {
                int oo = i * nOut;
                if (bias) {
                    out[oo] = 1.0;
                    System.arraycopy(row, cutFrom, out, oo + 1, nOut - 1);
                } else {
                    System.arraycopy(row, cutFrom, out, oo, nOut);
                }
            }
        }
        return new Matrix(out, n, nOut);
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
