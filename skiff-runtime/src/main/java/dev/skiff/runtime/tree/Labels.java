package dev.skiff.runtime.tree;

import dev.skiff.format.node.Node;
import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.build.Attrs;
import dev.skiff.runtime.data.BoolColumn;
import dev.skiff.runtime.data.Column;
import dev.skiff.runtime.data.Float64Column;
import dev.skiff.runtime.data.Frame;
import dev.skiff.runtime.data.Int64Column;
import dev.skiff.runtime.data.StringColumn;

import java.util.ArrayList;
import java.util.List;

/** Shared helpers of the tree and dummy estimators: picking labels, reading common fitted attributes. */
public final class Labels {
    private Labels() {
    }

    /** {@code classes.take(idx)}: a column of the same type holding {@code classes[idx[i]]}. */
    public static Column take(Column classes, int[] idx) {
        int n = idx.length;
        return switch (classes) {
            case Int64Column c -> {
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    v[i] = c.values()[idx[i]];
                }
                yield new Int64Column(v);
            }
            case Float64Column c -> {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = c.values()[idx[i]];
                }
                yield new Float64Column(v);
            }
            case StringColumn c -> {
                String[] v = new String[n];
                for (int i = 0; i < n; i++) {
                    v[i] = c.values()[idx[i]];
                }
                yield new StringColumn(v);
            }
            case BoolColumn c -> {
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) {
                    v[i] = c.values()[idx[i]];
                }
                yield new BoolColumn(v);
            }
        };
    }

    /** One label column per output, named {@code "0", "1", ...} (a multi-output prediction). */
    public static Frame outputs(List<Column> columns) {
        List<String> names = new ArrayList<>(columns.size());
        for (int k = 0; k < columns.size(); k++) {
            names.add(Integer.toString(k));
        }
        return Frame.of(names, columns);
    }

    /** {@code classes_}: one column for a single output, one per output otherwise. */
    public static List<Column> classesPerOutput(Attrs a, int nOutputs) throws ModelBuildException {
        if (nOutputs == 1) {
            return List.of(a.labels("classes_"));
        }
        List<Node> items = a.list("classes_");
        if (items.size() != nOutputs) {
            throw a.error("classes_", "has " + items.size() + " entries for " + nOutputs + " outputs");
        }
        List<Column> out = new ArrayList<>(nOutputs);
        for (int k = 0; k < nOutputs; k++) {
            out.add(Attrs.labels(items.get(k), a.pathOf("classes_") + "[" + k + "]"));
        }
        return out;
    }

    /** {@code feature_names_in_} as strings, or null when the estimator was not fitted on a DataFrame. */
    public static List<String> featureNames(Attrs a) throws ModelBuildException {
        if (a.isNone("feature_names_in_")) {
            return null;
        }
        Column c = a.labels("feature_names_in_");
        List<String> names = new ArrayList<>(c.size());
        for (int i = 0; i < c.size(); i++) {
            names.add(c.text(i));
        }
        return List.copyOf(names);
    }

    /** {@code n_features_in_}, or -1 when absent. */
    public static int nFeatures(Attrs a) throws ModelBuildException {
        if (a.isNone("n_features_in_")) {
            return -1;
        }
        long n = a.integer("n_features_in_");
        if (n < 0 || n > Integer.MAX_VALUE) {
            throw a.error("n_features_in_", "is out of range: " + n);
        }
        return (int) n;
    }

    /** An integer attribute within {@code [min, max]}. */
    public static int intIn(Attrs a, String name, int min, int max) throws ModelBuildException {
        long v = a.integer(name);
        if (v < min || v > max) {
            throw a.error(name, "is " + v + ", expected a value in [" + min + ", " + max + "]");
        }
        return (int) v;
    }

    /** True when the fitting scikit-learn is older than {@code major.minor} (unknown counts as older). */
    public static boolean fittedBefore(Attrs a, int major, int minor) throws ModelBuildException {
        String v = a.sklearnVersion();
        String[] parts = v.split("[.]");
        try {
            int ma = Integer.parseInt(parts[0]);
            int mi = parts.length > 1 ? Integer.parseInt(parts[1].replaceAll("[^0-9].*", "")) : 0;
            return ma < major || (ma == major && mi < minor);
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
