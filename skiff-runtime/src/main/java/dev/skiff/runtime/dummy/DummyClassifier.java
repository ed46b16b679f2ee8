package dev.skiff.runtime.dummy;

import dev.skiff.format.json.JsonSyntaxException;
import dev.skiff.format.node.JsonNode;
import dev.skiff.format.node.NdArrayNode;
import dev.skiff.format.node.Node;
import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.build.Attrs;
import dev.skiff.runtime.build.BuildContext;
import dev.skiff.runtime.data.BoolColumn;
import dev.skiff.runtime.data.Column;
import dev.skiff.runtime.data.Data;
import dev.skiff.runtime.data.Float64Column;
import dev.skiff.runtime.data.Int64Column;
import dev.skiff.runtime.data.Matrix;
import dev.skiff.runtime.data.Output;
import dev.skiff.runtime.data.StringColumn;
import dev.skiff.runtime.estimator.Estimator;
import dev.skiff.runtime.estimator.Method;
import dev.skiff.runtime.math.Links;
import dev.skiff.runtime.tree.Labels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code sklearn.dummy.DummyClassifier}: strategies {@code prior}, {@code most_frequent}, {@code constant}
 * (predict and predict_proba) and {@code uniform} (predict_proba only). {@code stratified} and the labels of
 * {@code uniform} are random draws from the estimator's random state, which the JVM cannot replay: those
 * methods throw {@link UnsupportedOperationException}.
 */
public final class DummyClassifier implements Estimator {
    public static final String CLASS = "sklearn.dummy.DummyClassifier";

    private final String strategy;
    private final List<Column> classes;
    private final Column[] constantLabel; // per output: a 1-value column (constant strategy), else null
    private final double[][] proba;       // per output: the constant probability row, null when random
    private final int[] predicted;        // per output: index into classes (prior / most_frequent)
    private final boolean sparseOutput;
    private final int nFeatures;
    private final List<String> featureNames;

    private DummyClassifier(String strategy, List<Column> classes, Column[] constantLabel,
                            double[][] proba, int[] predicted, boolean sparseOutput, int nFeatures,
                            List<String> featureNames) {
        this.strategy = strategy;
        this.classes = classes;
        this.constantLabel = constantLabel;
        this.proba = proba;
        this.predicted = predicted;
        this.sparseOutput = sparseOutput;
        this.nFeatures = nFeatures;
        this.featureNames = featureNames;
    }

    public static DummyClassifier build(Attrs a, BuildContext ctx) throws ModelBuildException {
        String strategy = a.has("_strategy") ? a.string("_strategy") : a.string("strategy");
        if (!List.of("prior", "most_frequent", "constant", "uniform", "stratified").contains(strategy)) {
            throw a.error("_strategy", "\"" + strategy + "\" is not a DummyClassifier strategy");
        }
        int nOutputs = a.isNone("n_outputs_") ? 1 : Labels.intIn(a, "n_outputs_", 1, 100_000);
        List<Column> classes = Labels.classesPerOutput(a, nOutputs);
        List<double[]> priors = new ArrayList<>(nOutputs);
        if (nOutputs == 1) {
            priors.add(a.doubles("class_prior_"));
        } else {
            List<Node> items = a.list("class_prior_");
            if (items.size() != nOutputs) {
                throw a.error("class_prior_", "has " + items.size() + " entries for " + nOutputs + " outputs");
            }
            for (Node n : items) {
                if (!(n instanceof NdArrayNode arr)) {
                    throw a.error("class_prior_", "must hold numeric arrays");
                }
                priors.add(arr.array().toDoubleArray());
            }
        }
        Column[] constant = new Column[nOutputs];
        if (strategy.equals("constant")) {
            List<Object> values = constants(a, nOutputs);
            for (int k = 0; k < nOutputs; k++) {
                constant[k] = single(values.get(k), a);
            }
        }
        double[][] proba = new double[nOutputs][];
        int[] predicted = new int[nOutputs];
        for (int k = 0; k < nOutputs; k++) {
            int nc = classes.get(k).size();
            double[] prior = priors.get(k);
            if (prior.length != nc) {
                throw a.error("class_prior_", "has " + prior.length + " values for " + nc + " classes");
            }
            predicted[k] = Links.argmax(prior, 0, nc);
            proba[k] = switch (strategy) {
                case "most_frequent" -> oneHot(nc, predicted[k]);
                case "prior" -> prior.clone();
                case "uniform" -> {
                    double[] p = new double[nc];
                    Arrays.fill(p, 1.0 / nc);
                    yield p;
                }
                case "constant" -> {
                    int at = indexOf(classes.get(k), constant[k].get(0));
                    yield at < 0 ? new double[nc] : oneHot(nc, at);
                }
                default -> null;
            };
        }
        return new DummyClassifier(strategy, classes, constant, proba, predicted,
                a.bool("sparse_output_", false), Labels.nFeatures(a), Labels.featureNames(a));
    }

    private static List<Object> constants(Attrs a, int nOutputs) throws ModelBuildException {
        Node n = a.node("constant");
        List<Object> out = new ArrayList<>();
        if (n instanceof NdArrayNode arr && arr.array().ndim() > 0) {
            Column c = Attrs.labels(n, a.pathOf("constant"));
            for (int i = 0; i < c.size(); i++) {
                out.add(c.get(i));
            }
        } else if (nOutputs == 1) {
            out.add(a.value("constant"));
        } else {
            for (Node item : a.list("constant")) {
                try {
                    out.add(item instanceof JsonNode j ? j.value() : null);
                } catch (JsonSyntaxException e) {
                    throw a.error("constant", e.getMessage());
                }
            }
        }
        if (out.size() != nOutputs) {
            throw a.error("constant", "has " + out.size() + " values for " + nOutputs + " outputs");
        }
        return out;
    }

    private static Column single(Object v, Attrs a) throws ModelBuildException {
        return switch (v) {
            case String s -> new StringColumn(new String[]{s});
            case Long l -> new Int64Column(new long[]{l});
            case Integer i -> new Int64Column(new long[]{i});
            case Double d -> new Float64Column(new double[]{d});
            case Boolean b -> new BoolColumn(new boolean[]{b});
            case null, default -> throw a.error("constant", "is " + v + ", expected a class label");
        };
    }

    private static double[] oneHot(int n, int at) {
        double[] p = new double[n];
        p[at] = 1.0;
        return p;
    }

    /** Where {@code classes == value}, numbers compared as numbers; -1 when absent. */
    static int indexOf(Column classes, Object value) {
        for (int i = 0; i < classes.size(); i++) {
            Object c = classes.get(i);
            if (c == null) {
                continue;
            }
            boolean eq = c instanceof Number cn && value instanceof Number vn
                    ? cn.doubleValue() == vn.doubleValue() : c.equals(value);
            if (eq) {
                return i;
            }
        }
        return -1;
    }

    /** The probability row every sample gets (single output), or null for the random strategy. */
    public double[] constantProba() {
        return proba.length == 1 && proba[0] != null ? proba[0].clone() : null;
    }

    @Override
    public String pythonClass() {
        return CLASS;
    }

    @Override
    public Set<Method> methods() {
        Set<Method> m = EnumSet.noneOf(Method.class);
        if (!sparseOutput && !strategy.equals("uniform") && !strategy.equals("stratified")) {
            m.add(Method.PREDICT);
        }
        if (classes.size() == 1 && proba[0] != null) {
            m.add(Method.PREDICT_PROBA);
        }
        return m;
    }

    @Override
    public Output predict(Data x) {
        if (strategy.equals("uniform") || strategy.equals("stratified")) {
            throw new UnsupportedOperationException("DummyClassifier(strategy=\"" + strategy + "\") predicts random "
                    + "labels from numpy's random state; Skiff cannot reproduce them");
        }
        if (sparseOutput) {
            throw new UnsupportedOperationException("DummyClassifier with sparse_output_=True returns a sparse "
                    + "matrix; Skiff does not produce sparse predictions");
        }
        int n = x.rows();
        List<Column> cols = new ArrayList<>(classes.size());
        for (int k = 0; k < classes.size(); k++) {
            int[] idx = new int[n];
            if (strategy.equals("constant")) {
                cols.add(Labels.take(constantLabel[k], idx));
            } else {
                Arrays.fill(idx, predicted[k]);
                cols.add(Labels.take(classes.get(k), idx));
            }
        }
        return cols.size() == 1 ? cols.get(0) : Labels.outputs(cols);
    }

    @Override
    public Matrix predictProba(Data x) {
        if (classes.size() != 1) {
            throw new UnsupportedOperationException("DummyClassifier has " + classes.size()
                    + " outputs; predict_proba is only supported for a single output");
        }
        if (proba[0] == null) {
            throw new UnsupportedOperationException("DummyClassifier(strategy=\"stratified\") draws random "
                    + "probabilities from numpy's random state; Skiff cannot reproduce them");
        }
        int n = x.rows();
        double[] row = proba[0];
        int c = row.length;
        double[] out = new double[Math.multiplyExact(n, c)];
        for (int i = 0; i < n; i++) {
            System.arraycopy(row, 0, out, i * c, c);
        }
        return new Matrix(out, n, c);
    }

    @Override
    public Column classes() {
        return classes.size() == 1 ? classes.get(0) : null;
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
