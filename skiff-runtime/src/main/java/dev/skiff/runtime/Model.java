package dev.skiff.runtime;

import dev.skiff.runtime.data.Column;
import dev.skiff.runtime.data.Frame;
import dev.skiff.runtime.data.Matrix;
import dev.skiff.runtime.data.Output;
import dev.skiff.runtime.estimator.Estimator;
import dev.skiff.runtime.estimator.Method;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A loaded model. Input frames are matched to the model's features by name when it was fitted on a
 * DataFrame (and the frame has names), else by position; a missing, unknown or extra column is an error
 * naming it. Immutable and thread-safe.
 */
public final class Model {
    private final Estimator root;
    private final List<String> names;
    private final Set<String> known;
    private final int nFeatures;

    Model(Estimator root) {
        this.root = root;
        List<String> n = root.featureNamesIn();
        this.names = n == null ? null : List.copyOf(n);
        this.known = names == null ? Set.of() : Set.copyOf(names);
        this.nFeatures = names != null ? names.size() : root.nFeaturesIn();
    }

    /** The estimator behind the model (for inspection and advanced use). */
    public Estimator estimator() {
        return root;
    }

    public String pythonClass() {
        return root.pythonClass();
    }

    public Set<Method> methods() {
        return root.methods();
    }

    public Optional<Column> classes() {
        return Optional.ofNullable(root.classes());
    }

    public Optional<List<String>> featureNamesIn() {
        return Optional.ofNullable(names);
    }

    /** {@code n_features_in_}, or -1 when unknown. */
    public int nFeaturesIn() {
        return nFeatures;
    }

    public Output predict(Frame x) {
        return root.predict(align(x));
    }

    /** The prediction as one column; fails for multi-output models. */
    public Column predictColumn(Frame x) {
        if (predict(x) instanceof Column c) {
            return c;
        }
        throw new UnsupportedOperationException(pythonClass() + " predicts several outputs; use predict()");
    }

    public Matrix predictProba(Frame x) {
        return root.predictProba(align(x));
    }

    public Matrix decisionFunction(Frame x) {
        return root.decisionFunction(align(x));
    }

    public Output transform(Frame x) {
        return (Output) root.transform(align(x));
    }

    public Matrix scoreSamples(Frame x) {
        return root.scoreSamples(align(x));
    }

    /** Runs one of the methods by name. */
    public Output run(Method m, Frame x) {
        return switch (m) {
            case PREDICT -> predict(x);
            case PREDICT_PROBA -> predictProba(x);
            case DECISION_FUNCTION -> decisionFunction(x);
            case TRANSFORM -> transform(x);
            case SCORE_SAMPLES -> scoreSamples(x);
        };
    }

    /** The input with the model's columns, in the model's order. */
    public Frame align(Frame x) {
        if (names != null && !x.isPositional()) {
            if (x.names().equals(names)) {
                return x; // already the model's columns in the model's order
            }
            for (String c : x.names()) {
                if (!known.contains(c)) {
                    throw new ModelInputException("unknown column \"" + c + "\"; the model expects " + names);
                }
            }
            int[] idx = new int[names.size()];
            List<String> missing = new ArrayList<>();
            for (int j = 0; j < idx.length; j++) {
                idx[j] = x.indexOf(names.get(j));
                if (idx[j] < 0) {
                    missing.add(names.get(j));
                }
            }
            if (!missing.isEmpty()) {
                throw new ModelInputException("missing column(s) " + missing + "; the model expects " + names);
            }
            return x.select(idx);
        }
        if (nFeatures >= 0 && x.cols() != nFeatures) {
            throw new ModelInputException(columnCountMessage(x));
        }
        return names != null ? x.withNames(names) : x;
    }

    /** Columns matched by position, but too few or too many: name the first missing or extra one. */
    private String columnCountMessage(Frame x) {
        String head = "the model expects " + nFeatures + " columns (matched by position), the input has " + x.cols();
        if (x.cols() > nFeatures) {
            String extra = x.isPositional() ? "column " + nFeatures + " (counting from 0)"
                    : "column \"" + x.names().get(nFeatures) + "\"";
            return head + "; extra: " + extra + (x.cols() - nFeatures > 1 ? " and after" : "");
        }
        String missing = names != null ? "column \"" + names.get(x.cols()) + "\""
                : "column " + x.cols() + " (counting from 0)";
        return head + "; missing: " + missing + (nFeatures - x.cols() > 1 ? " and after" : "");
    }
}
