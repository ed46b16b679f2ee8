package dev.skiff.runtime.tree;

import dev.skiff.format.node.ListNode;
import dev.skiff.format.node.Node;
import dev.skiff.format.node.ObjectNode;
import dev.skiff.format.node.TupleNode;
import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.build.Attrs;
import dev.skiff.runtime.build.BuildContext;
import dev.skiff.runtime.data.Column;
import dev.skiff.runtime.data.Data;
import dev.skiff.runtime.data.Float64Column;
import dev.skiff.runtime.data.Matrix;
import dev.skiff.runtime.data.Output;
import dev.skiff.runtime.estimator.Estimator;
import dev.skiff.runtime.estimator.Inputs;
import dev.skiff.runtime.estimator.Method;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code HistGradientBoostingClassifier} / {@code HistGradientBoostingRegressor}: raw = {@code _baseline_prediction}
 * plus every {@code TreePredictor} of {@code _predictors} (iteration by iteration) evaluated on the raw float64
 * features, after the categorical {@code _preprocessor} when there is one; then the loss's inverse link.
 * Early-stopped models simply have fewer iterations.
 */
final class HistGradientBoosting implements Estimator {
    private final String pythonClass;
    private final boolean classifier;
    private final Column classes;
    private final int k;
    private final Raw.Link link;
    private final double[] baseline;
    private final HistPreprocessor preprocessor;
    private final HistForest forest;
    private final int nFeatures;
    private final int nColumns; // after preprocessing
    private final List<String> featureNames;

    private HistGradientBoosting(String pythonClass, boolean classifier, Column classes, int k, Raw.Link link,
                                 double[] baseline, HistPreprocessor preprocessor, HistForest forest, int nFeatures,
                                 int nColumns, List<String> featureNames) {
        this.pythonClass = pythonClass;
        this.classifier = classifier;
        this.classes = classes;
        this.k = k;
        this.link = link;
        this.baseline = baseline;
        this.preprocessor = preprocessor;
        this.forest = forest;
        this.nFeatures = nFeatures;
        this.nColumns = nColumns;
        this.featureNames = featureNames;
    }

    static HistGradientBoosting build(Attrs a, BuildContext ctx) throws ModelBuildException {
        boolean classifier = a.pythonClass().endsWith("Classifier");
        int nFeatures = Labels.nFeatures(a);
        if (nFeatures < 1) {
            throw a.error("n_features_in_", "is missing (was the estimator fitted?)");
        }
        int k = Labels.intIn(a, "n_trees_per_iteration_", 1, 1_000_000);
        Column classes = classifier ? a.labels("classes_") : null;
        if (classifier && k != (classes.size() <= 2 ? 1 : classes.size())) {
            throw a.error("n_trees_per_iteration_", "is " + k + " for " + classes.size() + " classes");
        }
        if (!classifier && k != 1) {
            throw a.error("n_trees_per_iteration_", "is " + k + ", expected 1 for a regressor");
        }
        Raw.Link link = link(a, classifier, k);
        double[] baseline = a.doubles("_baseline_prediction");
        if (baseline.length != k) {
            throw a.error("_baseline_prediction", "has " + baseline.length + " values, expected " + k);
        }
        HistPreprocessor pre = a.isNone("_preprocessor") ? null : HistPreprocessor.read(a);
        if (pre != null && Labels.intIn(a, "n_features_in_", 1, Integer.MAX_VALUE) != nFeatures) {
            throw a.error("n_features_in_", "does not match the preprocessor");
        }
        int nColumns = pre != null ? pre.outputs() : nFeatures;
        boolean[] categorical = new boolean[nColumns];
        double[][] knownCats = new double[nColumns][];
        readBinMapper(a, nColumns, categorical, knownCats);
        List<Node> iterations = a.list("_predictors");
        List<List<Node>> predictors = new ArrayList<>(iterations.size());
        for (int i = 0; i < iterations.size(); i++) {
            Node it = iterations.get(i);
            predictors.add(switch (it) {
                case ListNode l -> l.items();
                case TupleNode t -> t.items();
                default -> throw new ModelBuildException(a.pathOf("_predictors") + "[" + i
                        + "]: expected a list of predictors, found " + it.typeName());
            });
        }
        HistForest forest = HistForest.compile(predictors, a.pathOf("_predictors"), k, nColumns, categorical, knownCats);
        return new HistGradientBoosting(a.pythonClass(), classifier, classes, k, link, baseline, pre, forest, nFeatures,
                nColumns, Labels.featureNames(a));
    }

    private static void readBinMapper(Attrs a, int nColumns, boolean[] categorical, double[][] knownCats)
            throws ModelBuildException {
        if (a.isNone("_bin_mapper") || !(a.node("_bin_mapper") instanceof ObjectNode bm)) {
            return;
        }
        Attrs b = new Attrs(bm, a.pathOf("_bin_mapper"));
        if (b.isNone("is_categorical_")) {
            return;
        }
        long[] isCat = b.longs("is_categorical_");
        if (isCat.length != nColumns) {
            throw b.error("is_categorical_", "has " + isCat.length + " entries for " + nColumns + " features");
        }
        List<Node> thresholds = null;
        for (int f = 0; f < nColumns; f++) {
            categorical[f] = isCat[f] != 0;
            if (categorical[f]) {
                if (thresholds == null) {
                    thresholds = b.list("bin_thresholds_");
                    if (thresholds.size() != nColumns) {
                        throw b.error("bin_thresholds_", "has " + thresholds.size() + " entries for " + nColumns
                                + " features");
                    }
                }
                if (!(thresholds.get(f) instanceof dev.skiff.format.node.NdArrayNode arr)) {
                    throw b.error("bin_thresholds_", "entry " + f + " is not an array");
                }
                knownCats[f] = arr.array().toDoubleArray();
            }
        }
    }

    private static Raw.Link link(Attrs a, boolean classifier, int k) throws ModelBuildException {
        if (a.has("_loss") && a.node("_loss") instanceof ObjectNode loss && loss.attr("link") instanceof ObjectNode l) {
            Raw.Link link = Raw.Link.ofClass(l.className());
            if (link == null) {
                throw a.error("_loss", "has an unsupported link " + l.typeName());
            }
            return link;
        }
        String loss = a.string("loss");
        return switch (loss) {
            case "log_loss", "binary_crossentropy", "categorical_crossentropy", "auto" ->
                    k == 1 ? Raw.Link.LOGIT : Raw.Link.MULTINOMIAL;
            case "squared_error", "least_squares", "absolute_error", "least_absolute_deviation", "quantile" ->
                    Raw.Link.IDENTITY;
            case "poisson", "gamma" -> Raw.Link.LOG;
            default -> throw a.error("loss", "\"" + loss + "\" is not supported");
        };
    }

    /** The raw predictions, n × K. */
    private double[] raw(Data x) {
        Matrix m = preprocessor != null ? preprocessor.apply(x) : Inputs.numeric(x, this);
        int n = m.rows();
        double[] raw = new double[Math.multiplyExact(n, k)];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                raw[i * k + j] = 0.0 + baseline[j];
            }
        }
        forest.accumulate(m.data(), n, nColumns, raw, k);
        return raw;
    }

    @Override
    public String pythonClass() {
        return pythonClass;
    }

    @Override
    public Set<Method> methods() {
        return classifier ? EnumSet.of(Method.PREDICT, Method.PREDICT_PROBA, Method.DECISION_FUNCTION)
                : EnumSet.of(Method.PREDICT);
    }

    @Override
    public Output predict(Data x) {
        double[] raw = raw(x);
        if (!classifier) {
            if (link == Raw.Link.LOG) {
                for (int i = 0; i < raw.length; i++) {
                    raw[i] = Math.exp(raw[i]);
                }
            } else if (link != Raw.Link.IDENTITY) {
                throw new UnsupportedOperationException(pythonClass + ": unexpected link " + link + " for a regressor");
            }
            return new Float64Column(raw);
        }
        return k == 1 ? Raw.thresholdLabels(raw, false, classes) : Raw.argmaxLabels(raw, raw.length / k, k, classes);
    }

    @Override
    public Matrix predictProba(Data x) {
        if (!classifier) {
            throw unsupported(Method.PREDICT_PROBA);
        }
        double[] raw = raw(x);
        return k == 1 ? Raw.binaryProba(raw, link) : Raw.softmax(raw, raw.length / k, k);
    }

    @Override
    public Matrix decisionFunction(Data x) {
        if (!classifier) {
            throw unsupported(Method.DECISION_FUNCTION);
        }
        double[] raw = raw(x);
        return new Matrix(raw, raw.length / k, k);
    }

    @Override
    public Column classes() {
        return classes;
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
