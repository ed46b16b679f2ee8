package dev.skiff.runtime.impute;

import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.ModelInputException;
import dev.skiff.runtime.build.Attrs;
import dev.skiff.runtime.build.BuildContext;
import dev.skiff.runtime.data.BoolColumn;
import dev.skiff.runtime.data.Column;
import dev.skiff.runtime.data.Data;
import dev.skiff.runtime.data.Frame;
import dev.skiff.runtime.estimator.Estimator;
import dev.skiff.runtime.estimator.Inputs;
import dev.skiff.runtime.estimator.Method;
import dev.skiff.runtime.encode.PyObjects;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code sklearn.impute.MissingIndicator}: a boolean column per feature in {@code features_} (the features
 * that had missing values in fit, or all of them with {@code features='all'}), true where the value is
 * missing. The output is a frame of boolean columns, as scikit-learn returns a bool array.
 * {@code error_on_new} only matters in fit-time checks and is ignored.
 */
public final class MissingIndicator implements Estimator {
    public static final String CLASS = "sklearn.impute._base.MissingIndicator";

    private final MissingValue missing;
    private final int[] features;
    private final int nFeatures;
    private final List<String> featureNames;

    private MissingIndicator(Attrs a) throws ModelBuildException {
        this.missing = MissingValue.read(a);
        this.features = PyObjects.ints(a.node("features_"), a.pathOf("features_"));
        int n = a.has("_n_features") ? Math.toIntExact(a.integer("_n_features")) : PyObjects.nFeatures(a);
        if (n < 0) {
            throw a.error("_n_features", "is missing (was the estimator fitted?)");
        }
        this.nFeatures = n;
        for (int f : features) {
            if (f < 0 || f >= n) {
                throw a.error("features_", "holds feature " + f + " outside [0, " + n + ")");
            }
        }
        this.featureNames = PyObjects.featureNames(a);
    }

    static Estimator build(Attrs a, BuildContext ctx) throws ModelBuildException {
        return new MissingIndicator(a);
    }

    /** The input features that get an indicator column, in output order. */
    int[] selected() {
        if (features.length < nFeatures) {
            return features.clone();
        }
        int[] all = new int[nFeatures];
        for (int j = 0; j < nFeatures; j++) {
            all[j] = j;
        }
        return all;
    }

    int nFeatures() {
        return nFeatures;
    }

    /** Indicator columns from a precomputed row-major mask of all {@code nFeatures} features. */
    List<Column> fromMask(boolean[] mask, int rows) {
        int[] sel = selected();
        List<Column> out = new ArrayList<>(sel.length);
        for (int f : sel) {
            boolean[] b = new boolean[rows];
            for (int i = 0; i < rows; i++) {
                b[i] = mask[i * nFeatures + f];
            }
            out.add(new BoolColumn(b));
        }
        return out;
    }

    @Override
    public Data transform(Data x) {
        Frame f = Inputs.frame(x);
        if (f.cols() != nFeatures) {
            throw new ModelInputException("MissingIndicator expects " + nFeatures + " features, got " + f.cols());
        }
        int n = f.rows();
        boolean[] mask = new boolean[n * nFeatures];
        for (int j = 0; j < nFeatures; j++) {
            Column c = f.column(j);
            for (int i = 0; i < n; i++) {
                mask[i * nFeatures + j] = missing.matches(c, i);
            }
        }
        List<Column> cols = fromMask(mask, n);
        List<String> names = new ArrayList<>(cols.size());
        for (int j = 0; j < cols.size(); j++) {
            names.add("x" + j);
        }
        return Frame.of(names, cols).positional();
    }

    @Override
    public String pythonClass() {
        return CLASS;
    }

    @Override
    public Set<Method> methods() {
        return EnumSet.of(Method.TRANSFORM);
    }

    @Override
    public List<String> featureNamesIn() {
        return featureNames;
    }

    @Override
    public int nFeaturesIn() {
        return nFeatures;
    }
}
