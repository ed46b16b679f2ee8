package dev.skiff.runtime.encode;

import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.build.Attrs;
import dev.skiff.runtime.build.BuildContext;
import dev.skiff.runtime.data.Data;
import dev.skiff.runtime.estimator.Estimator;

import java.util.List;

/**
 * {@code sklearn.preprocessing.OneHotEncoder}: one column per (grouped) category, ones where the row has it.
 * Unknown categories raise (naming row, column and value), give all-zero blocks ({@code ignore}) or go to
 * the infrequent column ({@code infrequent_if_exist}). Dropped categories ({@code drop}) and infrequent
 * grouping ({@code min_frequency}/{@code max_categories}) follow the fitted {@code _drop_idx_after_grouping},
 * {@code _infrequent_indices} and {@code _default_to_infrequent_mappings}. Sparse output is returned dense.
 */
public final class OneHotEncoder extends BaseEncoder {
    public static final String CLASS = "sklearn.preprocessing._encoders.OneHotEncoder";

    private final int[] dropAfterGrouping; // per feature, -1 = nothing dropped; null = drop is None
    private final int[] offsets; // cumulative _n_features_outs, length m + 1

    private OneHotEncoder(Attrs a) throws ModelBuildException {
        super(a);
        int m = categories.size();
        String dropAttr = a.has("_drop_idx_after_grouping") ? "_drop_idx_after_grouping" : "drop_idx_";
        if (a.isNone(dropAttr)) {
            dropAfterGrouping = null;
        } else {
            List<Object> drops = PyObjects.scalars(a.node(dropAttr), a.pathOf(dropAttr));
            if (drops.size() != m) {
                throw a.error(dropAttr, "has " + drops.size() + " entries for " + m + " features");
            }
            dropAfterGrouping = new int[m];
            for (int i = 0; i < m; i++) {
                Object d = drops.get(i);
                dropAfterGrouping[i] = d == null ? -1 : PyObjects.toInt(d, a.pathOf(dropAttr) + "[" + i + "]");
            }
        }
        int[] outs = computeOuts();
        if (a.has("_n_features_outs")) {
            int[] stored = PyObjects.ints(a.node("_n_features_outs"), a.pathOf("_n_features_outs"));
            if (!java.util.Arrays.equals(stored, outs)) {
                throw a.error("_n_features_outs", "is " + java.util.Arrays.toString(stored)
                        + " but the categories, drop and infrequent state give " + java.util.Arrays.toString(outs));
            }
        }
        offsets = new int[m + 1];
        for (int i = 0; i < m; i++) {
            offsets[i + 1] = offsets[i] + outs[i];
        }
    }

    /** {@code _compute_n_features_outs}. */
    private int[] computeOuts() {
        int m = categories.size();
        int[] out = new int[m];
        for (int i = 0; i < m; i++) {
            out[i] = categories.get(i).size();
            if (dropAfterGrouping != null && dropAfterGrouping[i] >= 0) {
                out[i]--;
            }
            if (infrequentEnabled && infrequentIndices[i] != null) {
                out[i] -= infrequentIndices[i].length - 1;
            }
        }
        return out;
    }

    static Estimator build(Attrs a, BuildContext ctx) throws ModelBuildException {
        return new OneHotEncoder(a);
    }

    /** Number of output columns. */
    public int nFeaturesOut() {
        return offsets[offsets.length - 1];
    }

    @Override
    public Data transform(Data x) {
        Encoded e = encode(x, handleUnknown.equals("error"), null);
        int n = e.rows();
        int m = e.cols();
        int[] codes = e.codes();
        boolean[] mask = e.mask();
        if (dropAfterGrouping != null) {
            for (int j = 0; j < m; j++) {
                int drop = dropAfterGrouping[j];
                if (drop < 0) {
                    continue; // 'if_binary' on a non-binary feature: nothing dropped
                }
                for (int i = 0; i < n; i++) {
                    int k = i * m + j;
                    if (codes[k] == drop) {
                        mask[k] = false;
                    } else if (codes[k] > drop) {
                        codes[k]--;
                    }
                }
            }
        }
        int width = nFeaturesOut();
        double[] out = new double[Math.multiplyExact(n, width)];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                int k = i * m + j;
                if (mask[k]) {
                    out[i * width + offsets[j] + codes[k]] = 1.0;
                }
            }
        }
        return output(out, n, width);
    }
}
