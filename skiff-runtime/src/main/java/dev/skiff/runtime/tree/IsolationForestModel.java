package dev.skiff.runtime.tree;

import dev.skiff.format.node.NdArrayNode;
import dev.skiff.format.node.Node;
import dev.skiff.format.node.ObjectNode;
import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.build.Attrs;
import dev.skiff.runtime.build.BuildContext;
import dev.skiff.runtime.data.Data;
import dev.skiff.runtime.data.Int64Column;
import dev.skiff.runtime.data.Matrix;
import dev.skiff.runtime.data.Output;
import dev.skiff.runtime.estimator.Estimator;
import dev.skiff.runtime.estimator.Inputs;
import dev.skiff.runtime.estimator.Method;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code sklearn.ensemble.IsolationForest}: each tree adds, at the leaf a row reaches,
 * {@code decision_path_length + _average_path_length(n_node_samples) - 1}; the score is
 * {@code -2^(-depths / (n_trees * _average_path_length(max_samples)))}. The per-node terms are the fitted
 * {@code _decision_path_lengths} / {@code _average_path_length_per_tree} when stored (scikit-learn ≥ 1.5),
 * otherwise computed from the trees the way older versions did. Trees see the columns
 * {@code estimators_features_} when features were subsampled.
 */
final class IsolationForestModel implements Estimator {
    static final String CLASS = "sklearn.ensemble._iforest.IsolationForest";
    private static final double EULER_GAMMA = 0.5772156649015329;

    private final FlatForest forest;
    private final double denominator;
    private final double offset;
    private final int nFeatures;
    private final List<String> featureNames;

    private IsolationForestModel(FlatForest forest, double denominator, double offset, int nFeatures,
                                 List<String> featureNames) {
        this.forest = forest;
        this.denominator = denominator;
        this.offset = offset;
        this.nFeatures = nFeatures;
        this.featureNames = featureNames;
    }

    static IsolationForestModel build(Attrs a, BuildContext ctx) throws ModelBuildException {
        int nFeatures = Labels.nFeatures(a);
        if (nFeatures < 1) {
            throw a.error("n_features_in_", "is missing (was the estimator fitted?)");
        }
        List<Node> trees = a.list("estimators_");
        if (trees.isEmpty()) {
            throw a.error("estimators_", "is empty");
        }
        List<Node> features = a.list("estimators_features_");
        if (features.size() != trees.size()) {
            throw a.error("estimators_features_", "has " + features.size() + " entries for " + trees.size() + " trees");
        }
        int maxFeatures = Labels.intIn(a, "_max_features", 1, nFeatures);
        boolean subsample = maxFeatures != nFeatures;
        long maxSamples = a.integer("_max_samples");
        boolean stored = a.has("_decision_path_lengths") && a.has("_average_path_length_per_tree");
        List<Node> pathLengths = stored ? a.list("_decision_path_lengths") : null;
        List<Node> avgLengths = stored ? a.list("_average_path_length_per_tree") : null;
        if (stored && (pathLengths.size() != trees.size() || avgLengths.size() != trees.size())) {
            throw a.error("_decision_path_lengths", "and _average_path_length_per_tree must have one entry per tree");
        }
        FlatForest.Builder b = new FlatForest.Builder(1);
        for (int t = 0; t < trees.size(); t++) {
            String tp = a.pathOf("estimators_") + "[" + t + "]";
            if (!(trees.get(t) instanceof ObjectNode o)) {
                throw new ModelBuildException(tp + ": expected a fitted tree, found " + trees.get(t).typeName());
            }
            Attrs ta = new Attrs(o, tp);
            int[] map = null;
            int treeFeatures = nFeatures;
            if (subsample) {
                map = featureMap(features.get(t), a.pathOf("estimators_features_") + "[" + t + "]", nFeatures);
                treeFeatures = map.length;
            }
            SkTree tree = SkTree.read(ta.node("tree_"), ta.pathOf("tree_"), treeFeatures);
            double[] depth;
            double[] avg;
            if (stored) {
                depth = perNode(pathLengths.get(t), a.pathOf("_decision_path_lengths") + "[" + t + "]", tree);
                avg = perNode(avgLengths.get(t), a.pathOf("_average_path_length_per_tree") + "[" + t + "]", tree);
            } else {
                depth = nodeDepths(tree);
                avg = new double[tree.nodeCount()];
                if (tree.nNodeSamples() == null) {
                    throw new ModelBuildException(tree.path() + ".nodes has no n_node_samples");
                }
                for (int i = 0; i < avg.length; i++) {
                    avg[i] = averagePathLength(tree.nNodeSamples()[i]);
                }
            }
            b.add(tree, 0, map, (node, out, off) -> out[off] = depth[node] + avg[node] - 1.0);
        }
        double denominator = trees.size() * averagePathLength(maxSamples);
        return new IsolationForestModel(b.build(), denominator, a.number("offset_"), nFeatures, Labels.featureNames(a));
    }

    private static int[] featureMap(Node n, String path, int nFeatures) throws ModelBuildException {
        if (!(n instanceof NdArrayNode arr)) {
            throw new ModelBuildException(path + ": expected an integer array, found " + n.typeName());
        }
        long[] v = arr.array().toLongArray();
        int[] map = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] < 0 || v[i] >= nFeatures) {
                throw new ModelBuildException(path + ": feature " + v[i] + " is outside [0, " + nFeatures + ")");
            }
            map[i] = (int) v[i];
        }
        return map;
    }

    private static double[] perNode(Node n, String path, SkTree tree) throws ModelBuildException {
        if (!(n instanceof NdArrayNode arr)) {
            throw new ModelBuildException(path + ": expected a numeric array, found " + n.typeName());
        }
        double[] v = arr.array().toDoubleArray();
        if (v.length != tree.nodeCount()) {
            throw new ModelBuildException(path + ": " + v.length + " values for " + tree.nodeCount() + " nodes");
        }
        return v;
    }

    /** Tree.compute_node_depths: the root has depth 1. */
    private static double[] nodeDepths(SkTree tree) {
        double[] d = new double[tree.nodeCount()];
        int[] stack = new int[tree.nodeCount()];
        int sp = 0;
        stack[sp++] = 0;
        d[0] = 1;
        while (sp > 0) {
            int i = stack[--sp];
            if (!tree.isLeaf(i)) {
                d[tree.left()[i]] = d[i] + 1;
                d[tree.right()[i]] = d[i] + 1;
                stack[sp++] = tree.left()[i];
                stack[sp++] = tree.right()[i];
            }
        }
        return d;
    }

    /** sklearn.ensemble._iforest._average_path_length for one sample count. */
    static double averagePathLength(double n) {
        if (n <= 1) {
            return 0.0;
        }
        if (n == 2) {
            return 1.0;
        }
        return 2.0 * (Math.log(n - 1.0) + EULER_GAMMA) - 2.0 * (n - 1.0) / n;
    }

    @Override
    public String pythonClass() {
        return CLASS;
    }

    @Override
    public Set<Method> methods() {
        return EnumSet.of(Method.PREDICT, Method.DECISION_FUNCTION, Method.SCORE_SAMPLES);
    }

    @Override
    public Matrix scoreSamples(Data x) {
        Float32Rows rows = Float32Rows.of(Inputs.numeric(x, this), Float32Rows.Finite.ANY, "IsolationForest");
        double[] depths = new double[rows.rows()];
        forest.accumulate(rows, depths, 1);
        for (int i = 0; i < depths.length; i++) {
            double ratio = denominator != 0 ? depths[i] / denominator : 1.0;
            depths[i] = -Math.pow(2, -ratio);
        }
        return Matrix.column(depths);
    }

    @Override
    public Matrix decisionFunction(Data x) {
        double[] s = scoreSamples(x).data();
        for (int i = 0; i < s.length; i++) {
            s[i] = s[i] - offset;
        }
        return Matrix.column(s);
    }

    @Override
    public Output predict(Data x) {
        double[] d = decisionFunction(x).data();
        long[] out = new long[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = d[i] < 0 ? -1 : 1;
        }
        return new Int64Column(out);
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
