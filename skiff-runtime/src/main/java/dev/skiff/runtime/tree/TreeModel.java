package dev.skiff.runtime.tree;

import dev.skiff.format.node.Node;
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
import dev.skiff.runtime.math.Links;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Decision trees and forests of them: {@code DecisionTree*}, {@code ExtraTree*}, {@code RandomForest*},
 * {@code ExtraTrees*} (classifiers and regressors, single- and multi-output). A single tree is a forest of
 * one; a forest sums its trees' {@code predict_proba} / {@code predict} in estimator order and divides by
 * the number of trees, as scikit-learn's {@code _accumulate_prediction} does.
 */
final class TreeModel implements Estimator {
    private final String pythonClass;
    private final int nFeatures;
    private final List<String> featureNames;
    private final boolean classifier;
    private final List<Column> classes; // per output; empty for regressors
    private final int[] nClasses;       // per output (classifiers)
    private final int width;            // sum of nClasses (classifiers) or n_outputs (regressors)
    private final FlatForest forest;
    private final int divisor;          // 1 for a single tree
    private final Float32Rows.Finite finite;

    private TreeModel(String pythonClass, int nFeatures, List<String> featureNames, boolean classifier,
                      List<Column> classes, int[] nClasses, int width, FlatForest forest, int divisor,
                      Float32Rows.Finite finite) {
        this.pythonClass = pythonClass;
        this.nFeatures = nFeatures;
        this.featureNames = featureNames;
        this.classifier = classifier;
        this.classes = classes;
        this.nClasses = nClasses;
        this.width = width;
        this.forest = forest;
        this.divisor = divisor;
        this.finite = finite;
    }

    /** DecisionTreeClassifier/Regressor, ExtraTreeClassifier/Regressor. */
    static TreeModel buildSingle(Attrs a, BuildContext ctx) throws ModelBuildException {
        boolean allowNaN = !a.pythonClass().contains("ExtraTree") || "random".equals(a.string("splitter", "random"));
        return build(a, List.of(a), allowNaN);
    }

    /** RandomForest*, ExtraTrees*: the fitted {@code estimators_} are trees. */
    static TreeModel buildForest(Attrs a, BuildContext ctx) throws ModelBuildException {
        List<Node> items = a.list("estimators_");
        if (items.isEmpty()) {
            throw a.error("estimators_", "is empty");
        }
        List<Attrs> trees = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String p = a.pathOf("estimators_") + "[" + i + "]";
            if (!(items.get(i) instanceof dev.skiff.format.node.ObjectNode o)) {
                throw new ModelBuildException(p + ": expected a fitted tree, found " + items.get(i).typeName());
            }
            trees.add(new Attrs(o, p));
        }
        return build(a, trees, true);
    }

    private static TreeModel build(Attrs a, List<Attrs> trees, boolean allowNaN) throws ModelBuildException {
        boolean classifier = a.pythonClass().endsWith("Classifier");
        int nFeatures = Labels.nFeatures(a);
        if (nFeatures < 1) {
            throw a.error("n_features_in_", "is missing (was the estimator fitted?)");
        }
        int nOutputs = Labels.intIn(a, "n_outputs_", 1, 1_000_000);
        List<Column> classes = classifier ? Labels.classesPerOutput(a, nOutputs) : List.of();
        int[] nClasses = new int[nOutputs];
        int width = 0;
        for (int k = 0; k < nOutputs; k++) {
            nClasses[k] = classifier ? classes.get(k).size() : 1;
            width += nClasses[k];
        }
        boolean normalise = classifier && Labels.fittedBefore(a, 1, 4);
        FlatForest.Builder b = new FlatForest.Builder(width);
        for (Attrs t : trees) {
            SkTree tree = SkTree.read(t.node("tree_"), t.pathOf("tree_"), nFeatures);
            if (tree.nOutputs() != nOutputs) {
                throw new ModelBuildException(tree.path() + ": the tree has " + tree.nOutputs() + " outputs, the model "
                        + nOutputs);
            }
            for (int k = 0; k < nOutputs; k++) {
                int expected = nClasses[k];
                if (tree.nClasses()[k] != expected) {
                    throw new ModelBuildException(tree.path() + ": output " + k + " has " + tree.nClasses()[k]
                            + (classifier ? " classes, classes_ has " : " values per output, expected ") + expected);
                }
            }
            b.add(tree, 0, null, classifier ? probaPayload(tree, nClasses, normalise) : regressionPayload(tree));
        }
        Float32Rows.Finite finite = allowNaN ? Float32Rows.Finite.ALLOW_NAN : Float32Rows.Finite.ALL_FINITE;
        return new TreeModel(a.pythonClass(), nFeatures, Labels.featureNames(a), classifier, classes, nClasses, width,
                b.build(), trees.size(), finite);
    }

    /** value[leaf, k, :n_classes[k]] for each output, divided by its sum for files from scikit-learn < 1.4 (counts). */
    private static FlatForest.Payload probaPayload(SkTree tree, int[] nClasses, boolean normalise) {
        return (node, out, off) -> {
            int o = off;
            for (int k = 0; k < nClasses.length; k++) {
                for (int c = 0; c < nClasses[k]; c++) {
                    out[o + c] = tree.value(node, k, c);
                }
                if (normalise) {
                    double sum = Links.pairwiseSum(out, o, nClasses[k]);
                    if (sum == 0.0) {
                        sum = 1.0;
                    }
                    for (int c = 0; c < nClasses[k]; c++) {
                        out[o + c] /= sum;
                    }
                }
                o += nClasses[k];
            }
        };
    }

    private static FlatForest.Payload regressionPayload(SkTree tree) {
        return (node, out, off) -> {
            for (int k = 0; k < tree.nOutputs(); k++) {
                out[off + k] = tree.value(node, k, 0);
            }
        };
    }

    /** Sum over trees divided by their number: rows of {@code width} values. */
    private double[] average(Data x) {
        Float32Rows rows = Float32Rows.of(Inputs.numeric(x, this), finite, Inputs.shortName(this));
        double[] out = new double[Math.multiplyExact(rows.rows(), width)];
        forest.accumulate(rows, out, width);
        if (divisor != 1) {
            double d = divisor;
            for (int i = 0; i < out.length; i++) {
                out[i] /= d;
            }
        }
        return out;
    }

    @Override
    public String pythonClass() {
        return pythonClass;
    }

    @Override
    public Set<Method> methods() {
        return classifier && nClasses.length == 1 ? EnumSet.of(Method.PREDICT, Method.PREDICT_PROBA)
                : EnumSet.of(Method.PREDICT);
    }

    @Override
    public Output predict(Data x) {
        double[] v = average(x);
        int n = v.length / width;
        if (!classifier) {
            return width == 1 ? new Float64Column(v) : new Matrix(v, n, width);
        }
        List<Column> cols = new ArrayList<>(nClasses.length);
        int off = 0;
        for (int k = 0; k < nClasses.length; k++) {
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = Links.argmax(v, i * width + off, nClasses[k]);
            }
            cols.add(Labels.take(classes.get(k), idx));
            off += nClasses[k];
        }
        return cols.size() == 1 ? cols.get(0) : Labels.outputs(cols);
    }

    @Override
    public Matrix predictProba(Data x) {
        if (!classifier) {
            throw unsupported(Method.PREDICT_PROBA);
        }
        if (nClasses.length != 1) {
            throw new UnsupportedOperationException(pythonClass + " has " + nClasses.length
                    + " outputs; predict_proba is only supported for a single output");
        }
        double[] v = average(x);
        return new Matrix(v, v.length / width, width);
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
