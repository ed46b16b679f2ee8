package dev.skiff.runtime.encode;

import dev.skiff.format.node.Node;
import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.ModelInputException;
import dev.skiff.runtime.build.Attrs;
import dev.skiff.runtime.data.BoolColumn;
import dev.skiff.runtime.data.Column;
import dev.skiff.runtime.data.Data;
import dev.skiff.runtime.data.Frame;
import dev.skiff.runtime.data.Int64Column;
import dev.skiff.runtime.data.Matrix;
import dev.skiff.runtime.estimator.Estimator;
import dev.skiff.runtime.estimator.Inputs;
import dev.skiff.runtime.estimator.Method;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * scikit-learn's {@code _BaseEncoder}: the fitted categories of each feature, the infrequent-category
 * grouping, and {@code _transform}, which turns the input into integer codes plus a mask of valid cells.
 */
abstract class BaseEncoder implements Estimator {
    final String pythonClass;
    final List<Categories> categories;
    final String handleUnknown;
    final boolean infrequentEnabled;
    final int[][] infrequentIndices; // per feature, null when none
    final int[][] defaultToInfrequent; // per feature, null when none
    final char dtypeKind;
    final List<String> featureNames;
    final int nFeatures;

    BaseEncoder(Attrs a) throws ModelBuildException {
        this.pythonClass = a.pythonClass();
        List<Node> cats = a.list("categories_");
        List<Categories> cs = new ArrayList<>(cats.size());
        for (int i = 0; i < cats.size(); i++) {
            cs.add(Categories.read(cats.get(i), a.pathOf("categories_") + "[" + i + "]"));
        }
        this.categories = List.copyOf(cs);
        this.handleUnknown = a.string("handle_unknown", "error");
        this.infrequentEnabled = a.bool("_infrequent_enabled", false);
        int m = cs.size();
        this.infrequentIndices = new int[m][];
        this.defaultToInfrequent = new int[m][];
        if (infrequentEnabled) {
            List<Node> inf = a.list("_infrequent_indices");
            List<Node> map = a.list("_default_to_infrequent_mappings");
            if (inf.size() != m || map.size() != m) {
                throw a.error("_infrequent_indices", "does not have one entry per feature (" + m + ")");
            }
            for (int i = 0; i < m; i++) {
                if (!PyObjects.isNone(inf.get(i))) {
                    infrequentIndices[i] = PyObjects.ints(inf.get(i), a.pathOf("_infrequent_indices") + "[" + i + "]");
                }
                if (!PyObjects.isNone(map.get(i))) {
                    defaultToInfrequent[i] = PyObjects.ints(map.get(i),
                            a.pathOf("_default_to_infrequent_mappings") + "[" + i + "]");
                }
            }
        }
        this.dtypeKind = a.isNone("dtype") ? 'f' : PyObjects.dtypeKind(a.node("dtype"), a.pathOf("dtype"));
        if ("fiub".indexOf(dtypeKind) < 0) {
            throw a.error("dtype", "is not a numeric dtype");
        }
        this.featureNames = PyObjects.featureNames(a);
        int n = PyObjects.nFeatures(a);
        this.nFeatures = n >= 0 ? n : m;
        if (nFeatures != m) {
            throw a.error("categories_", "has " + m + " entries for " + nFeatures + " features");
        }
    }

    /** Integer codes (row-major) and the valid-cell mask after {@code _transform}. */
    record Encoded(int[] codes, boolean[] mask, int rows, int cols) {
    }

    /**
     * {@code _BaseEncoder._transform}: codes of known values, unknown cells masked out (coded 0, like
     * scikit-learn's substitution of {@code categories_[i][0]}), then infrequent grouping.
     *
     * @param ignoreIndex per feature, a code left out of the infrequent remapping (-1 for none)
     */
    Encoded encode(Data x, boolean errorOnUnknown, int[] ignoreIndex) {
        Frame f = Inputs.frame(x);
        int m = categories.size();
        if (f.cols() != m) {
            throw new ModelInputException(Inputs.shortName(this) + " expects " + m + " features, got " + f.cols());
        }
        int n = f.rows();
        int[] codes = new int[n * m];
        boolean[] mask = new boolean[n * m];
        for (int j = 0; j < m; j++) {
            Categories cats = categories.get(j);
            Column c = f.column(j);
            for (int i = 0; i < n; i++) {
                int code = cats.code(c, i);
                if (code < 0) {
                    if (errorOnUnknown) {
                        throw new ModelInputException("row " + i + ", column \"" + columnName(f, j) + "\": unknown category "
                                + Categories.describe(c, i) + " (" + Inputs.shortName(this) + " was fitted on "
                                + cats.describe(12) + " and has handle_unknown='" + handleUnknown + "')");
                    }
                    codes[i * m + j] = 0;
                } else {
                    codes[i * m + j] = code;
                    mask[i * m + j] = true;
                }
            }
        }
        if (infrequentEnabled) {
            boolean unknownBecomesInfrequent = handleUnknown.equals("infrequent_if_exist") || handleUnknown.equals("warn");
            for (int j = 0; j < m; j++) {
                int[] infreq = infrequentIndices[j];
                if (infreq == null) {
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    int k = i * m + j;
                    if (!mask[k]) {
                        codes[k] = infreq[0];
                        if (unknownBecomesInfrequent) {
                            mask[k] = true;
                        }
                    }
                }
            }
            for (int j = 0; j < m; j++) {
                int[] mapping = defaultToInfrequent[j];
                if (mapping == null) {
                    continue;
                }
                int ignore = ignoreIndex == null ? -1 : ignoreIndex[j];
                for (int i = 0; i < n; i++) {
                    int k = i * m + j;
                    if (ignore >= 0 && codes[k] == ignore) {
                        continue;
                    }
                    if (codes[k] >= mapping.length) {
                        throw new IllegalStateException(pythonClass + ": code " + codes[k] + " outside the infrequent"
                                + " mapping of feature " + j);
                    }
                    codes[k] = mapping[codes[k]];
                }
            }
        }
        return new Encoded(codes, mask, n, m);
    }

    String columnName(Frame f, int j) {
        if (!f.isPositional()) {
            return f.names().get(j);
        }
        return featureNames != null ? featureNames.get(j) : f.names().get(j);
    }

    /** Numbers in the encoder's output dtype: a matrix for floats, a frame of integer or bool columns otherwise. */
    Data output(double[] values, int rows, int cols) {
        if (dtypeKind == 'f') {
            return new Matrix(values, rows, cols);
        }
        List<String> names = new ArrayList<>(cols);
        List<Column> columns = new ArrayList<>(cols);
        for (int j = 0; j < cols; j++) {
            names.add("x" + j);
            if (dtypeKind == 'b') {
                boolean[] b = new boolean[rows];
                for (int i = 0; i < rows; i++) {
                    b[i] = values[i * cols + j] != 0;
                }
                columns.add(new BoolColumn(b));
            } else {
                long[] l = new long[rows];
                for (int i = 0; i < rows; i++) {
                    l[i] = (long) values[i * cols + j];
                }
                columns.add(new Int64Column(l));
            }
        }
        return Frame.of(names, columns).positional();
    }

    @Override
    public String pythonClass() {
        return pythonClass;
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
