package dev.skiff.runtime.linear;

import dev.skiff.format.node.ObjectNode;
import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.build.Attrs;
import dev.skiff.runtime.data.BoolColumn;
import dev.skiff.runtime.data.Column;
import dev.skiff.runtime.data.Float64Column;
import dev.skiff.runtime.data.Int64Column;
import dev.skiff.runtime.data.StringColumn;

import java.util.ArrayList;
import java.util.List;

/**
 * What every fitted estimator reports about its input ({@code feature_names_in_}, {@code n_features_in_}),
 * read once at build time, plus the small helpers the linear, preprocessing and decomposition families share.
 *
 * @param pythonClass  the fully qualified Python class
 * @param featureNames {@code feature_names_in_} as strings, or null when not fitted on a DataFrame
 * @param nFeatures    {@code n_features_in_}, or -1 when unknown
 */
public record Fitted(String pythonClass, List<String> featureNames, int nFeatures) {

    public static Fitted read(Attrs a) throws ModelBuildException {
        return new Fitted(a.pythonClass(), featureNames(a), nFeatures(a));
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

    /** {@code n_features_in_}, or -1 when absent (very old models). */
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

    /** The attributes of a nested plain object, e.g. RidgeClassifier's {@code _label_binarizer}. */
    public static Attrs nested(Attrs a, String name) throws ModelBuildException {
        if (a.node(name) instanceof ObjectNode o) {
            return new Attrs(o, a.pathOf(name));
        }
        throw a.error(name, "is a " + a.node(name).typeName() + ", expected an object");
    }

    /** {@code classes.take(idx)}: a column of the same type holding {@code classes[idx[i]]}. */
    public static Column take(Column classes, int[] idx) {
        int n = idx.length;
        return switch (classes) {
            case Int64Column c -> {
                long[] src = c.values();
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    v[i] = src[idx[i]];
                }
                yield new Int64Column(v);
            }
            case Float64Column c -> {
                double[] src = c.values();
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = src[idx[i]];
                }
                yield new Float64Column(v);
            }
            case StringColumn c -> {
                String[] src = c.values();
                String[] v = new String[n];
                for (int i = 0; i < n; i++) {
                    v[i] = src[idx[i]];
                }
                yield new StringColumn(v);
            }
            case BoolColumn c -> {
                boolean[] src = c.values();
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) {
                    v[i] = src[idx[i]];
                }
                yield new BoolColumn(v);
            }
        };
    }

    /** A per-feature vector attribute, checked against the number of features when known. */
    public static double[] vector(Attrs a, String name, int nFeatures) throws ModelBuildException {
        double[] v = a.doubles(name);
        if (nFeatures >= 0 && v.length != nFeatures) {
            throw a.error(name, "has " + v.length + " values for " + nFeatures + " features");
        }
        return v;
    }
}
