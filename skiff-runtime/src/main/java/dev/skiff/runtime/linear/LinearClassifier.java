package dev.skiff.runtime.linear;

import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.build.Attrs;
import dev.skiff.runtime.build.BuildContext;
import dev.skiff.runtime.data.Column;
import dev.skiff.runtime.data.Data;
import dev.skiff.runtime.data.Matrix;
import dev.skiff.runtime.data.Output;
import dev.skiff.runtime.estimator.Estimator;
import dev.skiff.runtime.estimator.Inputs;
import dev.skiff.runtime.estimator.Method;
import dev.skiff.runtime.math.Links;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A linear classifier ({@code LinearClassifierMixin}): {@code decision_function = X @ coef_.T + intercept_}
 * ((n,) for two classes, returned as one column), {@code predict = classes_[decision > 0]} for two classes and
 * {@code classes_[argmax(decision)]} otherwise, and {@code predict_proba} when the model has one, in the form
 * its {@link Proba} says. Immutable and thread-safe.
 */
public final class LinearClassifier implements Estimator {

    /** How probabilities come out of the decision scores. */
    public enum Proba {
        /** No {@code predict_proba} (hinge losses, ridge, SVMs). */
        NONE,
        /**
         * {@code _predict_proba_lr}: binary {@code [1 - expit(d), expit(d)]}; multiclass {@code expit} per class,
         * then each row divided by its sum (one-vs-rest; an all-zero row becomes uniform).
         */
        OVR,
        /** Multinomial: softmax of the decision rows (max subtracted). */
        SOFTMAX,
        /**
         * Old (&lt; 1.8) LogisticRegression with {@code multi_class='multinomial'} on two classes: softmax of
         * {@code [-d, d]}.
         */
        SOFTMAX_SYMMETRIC,
        /** SGDClassifier's modified Huber: {@code (clip(d, -1, 1) + 1) / 2}; multiclass rows normalised. */
        MODIFIED_HUBER
    }

    private final Fitted fit;
    private final Affine affine;
    private final Column classes;
    private final Proba proba;
    private final boolean binary;
    private final Set<Method> methods;

    LinearClassifier(Fitted fit, Affine affine, Column classes, Proba proba) throws ModelBuildException {
        this.fit = fit;
        this.affine = affine;
        this.classes = classes;
        this.proba = proba;
        int nc = classes.size();
        this.binary = affine.outputs() == 1;
        if (binary ? nc != 2 : nc != affine.outputs()) {
            throw new ModelBuildException(fit.pythonClass() + ": coef_ has " + affine.outputs() + " rows for "
                    + nc + " classes");
        }
        if (fit.nFeatures() >= 0 && fit.nFeatures() != affine.features()) {
            throw new ModelBuildException(fit.pythonClass() + ": coef_ has " + affine.features()
                    + " columns, n_features_in_ is " + fit.nFeatures());
        }
        this.methods = proba == Proba.NONE ? EnumSet.of(Method.PREDICT, Method.DECISION_FUNCTION)
                : EnumSet.of(Method.PREDICT, Method.PREDICT_PROBA, Method.DECISION_FUNCTION);
    }

    // ---- factories ----

    /**
     * LogisticRegression / LogisticRegressionCV. scikit-learn ≥ 1.8 has no {@code multi_class}: two classes take
     * {@code expit}, more take softmax. A model fitted before 1.8 carries {@code multi_class} in its state, and
     * it decides, as it did in the version that fitted it: OvR for {@code 'ovr'} (and the pre-0.22 {@code 'warn'}),
     * and for {@code 'auto'}/{@code 'deprecated'} with two classes or the liblinear solver; multinomial
     * otherwise (softmax of {@code [-d, d]} on two classes).
     */
    static LinearClassifier logistic(Attrs a, BuildContext ctx) throws ModelBuildException {
        Column classes = a.labels("classes_");
        int nc = classes.size();
        Proba p;
        if (a.has("multi_class")) {
            String mc = a.string("multi_class", "auto");
            String solver = a.string("solver", "lbfgs");
            boolean ovr = mc.equals("ovr") || mc.equals("warn")
                    || ((mc.equals("auto") || mc.equals("deprecated")) && (nc <= 2 || solver.equals("liblinear")));
            if (!ovr && !mc.equals("multinomial") && !mc.equals("auto") && !mc.equals("deprecated")) {
                throw a.error("multi_class", "is \"" + mc + "\", expected ovr, multinomial or auto");
            }
            p = ovr ? Proba.OVR : nc <= 2 ? Proba.SOFTMAX_SYMMETRIC : Proba.SOFTMAX;
        } else {
            p = nc <= 2 ? Proba.OVR : Proba.SOFTMAX;
        }
        return new LinearClassifier(Fitted.read(a), Affine.read(a, "coef_", "intercept_"), classes, p);
    }

    /** SGDClassifier: probabilities for {@code log_loss} (old name {@code log}) and {@code modified_huber} only. */
    static LinearClassifier sgd(Attrs a, BuildContext ctx) throws ModelBuildException {
        String loss = a.string("loss", "hinge");
        Proba p = switch (loss) {
            case "log_loss", "log" -> Proba.OVR;
            case "modified_huber" -> Proba.MODIFIED_HUBER;
            default -> Proba.NONE;
        };
        return new LinearClassifier(Fitted.read(a), Affine.read(a, "coef_", "intercept_"), a.labels("classes_"), p);
    }

    /** RidgeClassifier(CV): {@code classes_}, or (before it was stored) {@code _label_binarizer.classes_}. */
    static LinearClassifier ridge(Attrs a, BuildContext ctx) throws ModelBuildException {
        Column classes;
        if (a.has("_label_binarizer")) {
            Attrs lb = Fitted.nested(a, "_label_binarizer");
            String yType = lb.string("y_type_", "binary");
            if (yType.startsWith("multilabel")) {
                throw new ModelBuildException(a.path() + ": " + a.pythonClass()
                        + " fitted on multilabel targets is not supported (only binary and multiclass)");
            }
            classes = a.has("classes_") ? a.labels("classes_") : lb.labels("classes_");
        } else {
            classes = a.labels("classes_");
        }
        return new LinearClassifier(Fitted.read(a), Affine.read(a, "coef_", "intercept_"), classes, Proba.NONE);
    }

    /** Decision function and predict only: LinearSVC, Perceptron, PassiveAggressiveClassifier. */
    static LinearClassifier plain(Attrs a, BuildContext ctx) throws ModelBuildException {
        return new LinearClassifier(Fitted.read(a), Affine.read(a, "coef_", "intercept_"), a.labels("classes_"),
                Proba.NONE);
    }

    // ---- methods ----

    @Override
    public String pythonClass() {
        return fit.pythonClass();
    }

    @Override
    public Set<Method> methods() {
        return methods;
    }

    public Proba probaForm() {
        return proba;
    }

    public Affine affine() {
        return affine;
    }

    @Override
    public Matrix decisionFunction(Data x) {
        Matrix m = Inputs.numeric(x, this);
        return new Matrix(affine.apply(m), m.rows(), affine.outputs());
    }

    @Override
    public Output predict(Data x) {
        Matrix m = Inputs.numeric(x, this);
        double[] d = affine.apply(m);
        int n = m.rows();
        int[] idx = new int[n];
        if (binary) {
            for (int i = 0; i < n; i++) {
                idx[i] = d[i] > 0 ? 1 : 0;
            }
        } else {
            int k = affine.outputs();
            for (int i = 0, o = 0; i < n; i++, o += k) {
                idx[i] = Links.argmax(d, o, k);
            }
        }
        return Fitted.take(classes, idx);
    }

    @Override
    public Matrix predictProba(Data x) {
        if (proba == Proba.NONE) {
            throw unsupported(Method.PREDICT_PROBA);
        }
        Matrix m = Inputs.numeric(x, this);
        double[] d = affine.apply(m);
        int n = m.rows();
        int nc = classes.size();
        return new Matrix(binary ? binaryProba(d, n) : multiProba(d, n, nc), n, nc);
    }

    private double[] binaryProba(double[] d, int n) {
        double[] out = new double[2 * n];
        switch (proba) {
            case OVR -> {
                for (int i = 0; i < n; i++) {
                    double p = Links.expit(d[i]);
                    out[2 * i] = 1 - p;
                    out[2 * i + 1] = p;
                }
            }
            case SOFTMAX_SYMMETRIC, SOFTMAX -> {
                for (int i = 0; i < n; i++) {
                    out[2 * i] = -d[i];
                    out[2 * i + 1] = d[i];
                }
                Links.softmaxRows(out, n, 2);
            }
            case MODIFIED_HUBER -> {
                for (int i = 0; i < n; i++) {
                    // prob2 = ones; prob = (clip(d, -1, 1) + 1) / 2; prob2[:, 0] -= prob (NaN stays NaN)
                    double p = (Math.min(Math.max(d[i], -1.0), 1.0) + 1.0) / 2.0;
                    out[2 * i] = 1.0 - p;
                    out[2 * i + 1] = p;
                }
            }
            case NONE -> throw unsupported(Method.PREDICT_PROBA);
        }
        return out;
    }

    private double[] multiProba(double[] d, int n, int nc) {
        switch (proba) {
            case OVR -> {
                for (int i = 0; i < d.length; i++) {
                    d[i] = Links.expit(d[i]);
                }
                normalizeOvr(d, n, nc);
            }
            case SOFTMAX, SOFTMAX_SYMMETRIC -> Links.softmaxRows(d, n, nc);
            case MODIFIED_HUBER -> {
                for (int i = 0; i < d.length; i++) {
                    d[i] = (Math.min(Math.max(d[i], -1.0), 1.0) + 1.0) / 2.0;
                }
                normalizeOvr(d, n, nc);
            }
            case NONE -> throw unsupported(Method.PREDICT_PROBA);
        }
        return d;
    }

    /** Rows divided by their sums; an all-zero row becomes uniform (scikit-learn's workaround). */
    private static void normalizeOvr(double[] p, int n, int nc) {
        for (int i = 0, o = 0; i < n; i++, o += nc) {
            double sum = 0;
            for (int j = 0; j < nc; j++) {
                sum += p[o + j];
            }
            if (sum == 0) {
                for (int j = 0; j < nc; j++) {
                    p[o + j] = 1;
                }
                sum = nc;
            }
            for (int j = 0; j < nc; j++) {
                p[o + j] /= sum;
            }
        }
    }

    @Override
    public Column classes() {
        return classes;
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
