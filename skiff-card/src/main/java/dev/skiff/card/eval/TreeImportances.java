package dev.skiff.card.eval;

import dev.skiff.format.node.DictNode;
import dev.skiff.format.node.JsonNode;
import dev.skiff.format.node.ListNode;
import dev.skiff.format.node.NdArrayNode;
import dev.skiff.format.node.Node;
import dev.skiff.format.node.ObjectArrayNode;
import dev.skiff.format.node.ObjectNode;
import dev.skiff.format.node.TreeNode;
import dev.skiff.format.node.TupleNode;
import dev.skiff.format.npy.DType;
import dev.skiff.format.npy.NpyArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code feature_importances_} of tree models computed from the node tree, as scikit-learn computes the
 * property: per tree, the weighted impurity decrease of each split summed per feature and divided by the
 * root's weighted samples ({@code Tree.compute_feature_importances}); a single tree normalises to sum 1;
 * a forest averages its normalised trees (those with a split) and renormalises; gradient boosting averages
 * the unnormalised trees of every stage and normalises once. A pipeline reports its final step's importances.
 */
public final class TreeImportances {
    private static final Set<String> SINGLE = Set.of("DecisionTreeClassifier", "DecisionTreeRegressor",
            "ExtraTreeClassifier", "ExtraTreeRegressor");
    private static final Set<String> FOREST = Set.of("RandomForestClassifier", "RandomForestRegressor",
            "ExtraTreesClassifier", "ExtraTreesRegressor");
    private static final Set<String> BOOSTING = Set.of("GradientBoostingClassifier", "GradientBoostingRegressor");

    private TreeImportances() {
    }

    /** The importances of the model whose (audited) root node this is, or empty when it has none. */
    public static Optional<FeatureImportances> of(Node root) {
        Node est = finalEstimator(root);
        if (!(est instanceof ObjectNode o) || !o.module().startsWith("sklearn.")) {
            return Optional.empty();
        }
        try {
            double[] values;
            if (SINGLE.contains(o.className())) {
                values = single(o);
            } else if (FOREST.contains(o.className())) {
                values = forest(o);
            } else if (BOOSTING.contains(o.className())) {
                values = boosting(o);
            } else {
                return Optional.empty();
            }
            return Optional.of(new FeatureImportances(names(o, values.length), values, o.className()));
        } catch (RuntimeException e) {
            throw new EvaluationException("cannot read the trees of " + o.className() + ": " + e.getMessage(), e);
        }
    }

    /** The last step of a (nested) Pipeline, or the node itself. */
    static Node finalEstimator(Node n) {
        while (n instanceof ObjectNode o && "Pipeline".equals(o.className()) && o.module().startsWith("sklearn.")
                && o.attr("steps") instanceof ListNode steps && !steps.items().isEmpty()
                && steps.items().get(steps.items().size() - 1) instanceof TupleNode last && last.items().size() == 2) {
            n = last.items().get(1);
        }
        return n;
    }

    private static double[] single(ObjectNode tree) {
        return treeImportances(tree, true);
    }

    private static double[] forest(ObjectNode forest) {
        List<ObjectNode> trees = objects(forest.attr("estimators_"));
        List<double[]> all = new ArrayList<>();
        int nFeatures = -1;
        for (ObjectNode t : trees) {
            Tree tree = Tree.read(t.attr("tree_"));
            nFeatures = tree.nFeatures;
            if (tree.nodeCount > 1) {
                all.add(tree.importances(true));
            }
        }
        if (nFeatures < 0) {
            throw new IllegalStateException("the forest has no trees");
        }
        return meanThenNormalise(all, nFeatures);
    }

    private static double[] boosting(ObjectNode gb) {
        List<double[]> all = new ArrayList<>();
        int nFeatures = -1;
        for (ObjectNode t : objects(gb.attr("estimators_"))) {
            Tree tree = Tree.read(t.attr("tree_"));
            nFeatures = tree.nFeatures;
            if (tree.nodeCount > 1) {
                all.add(tree.importances(false));
            }
        }
        if (nFeatures < 0) {
            throw new IllegalStateException("the model has no trees");
        }
        return meanThenNormalise(all, nFeatures);
    }

    /** {@code np.mean(rows, axis=0)} (row by row, in order) divided by its {@code np.sum}. */
    private static double[] meanThenNormalise(List<double[]> rows, int nFeatures) {
        double[] mean = new double[nFeatures];
        if (rows.isEmpty()) {
            return mean;
        }
        for (double[] r : rows) {
            for (int f = 0; f < nFeatures; f++) {
                mean[f] += r[f];
            }
        }
        for (int f = 0; f < nFeatures; f++) {
            mean[f] /= rows.size();
        }
        double total = NumpySums.sum(mean);
        for (int f = 0; f < nFeatures; f++) {
            mean[f] /= total;
        }
        return mean;
    }

    private static double[] treeImportances(ObjectNode estimator, boolean normalise) {
        return Tree.read(estimator.attr("tree_")).importances(normalise);
    }

    /** Trees of a forest (a list) or of gradient boosting (an object array of stages × trees). */
    private static List<ObjectNode> objects(Node n) {
        List<ObjectNode> out = new ArrayList<>();
        collect(n, out);
        return out;
    }

    private static void collect(Node n, List<ObjectNode> out) {
        switch (n) {
            case ObjectNode o -> out.add(o);
            case ListNode l -> l.items().forEach(i -> collect(i, out));
            case TupleNode t -> t.items().forEach(i -> collect(i, out));
            case ObjectArrayNode a -> a.items().forEach(i -> collect(i, out));
            case null -> throw new IllegalStateException("estimators_ is missing");
            default -> throw new IllegalStateException("unexpected " + n.typeName() + " among the trees");
        }
    }

    private static List<String> names(ObjectNode est, int n) {
        List<String> names = featureNamesIn(est);
        if (names != null && names.size() == n) {
            return names;
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add("x" + i);
        }
        return out;
    }

    /** {@code feature_names_in_} as strings, or null when the estimator has none. */
    static List<String> featureNamesIn(ObjectNode est) {
        Node n = est.attr("feature_names_in_");
        if (n instanceof NdArrayNode a && a.array().dtype() instanceof DType.Scalar s
                && (s.kind() == 'U' || s.kind() == 'S')) {
            return List.of(a.array().toStringArray());
        }
        if (n instanceof ObjectArrayNode o) {
            List<String> out = new ArrayList<>();
            for (Node item : o.items()) {
                try {
                    out.add(item instanceof JsonNode j ? String.valueOf(j.value()) : item.toString());
                } catch (dev.skiff.format.json.JsonSyntaxException e) {
                    return null;
                }
            }
            return out;
        }
        return null;
    }

    /** The parts of a {@code sklearn.tree._tree.Tree} that importances need. */
    private record Tree(int nFeatures, int nodeCount, long[] left, long[] right, long[] feature, double[] impurity,
                        double[] weighted) {

        static Tree read(Node node) {
            if (!(node instanceof TreeNode t) || !(t.state() instanceof DictNode state)
                    || !(t.args() instanceof TupleNode args) || args.items().isEmpty()) {
                throw new IllegalStateException("tree_ is not a sklearn.tree._tree.Tree");
            }
            int nFeatures = intOf(args.items().get(0));
            if (!(state.get("nodes") instanceof NdArrayNode nodesNode)) {
                throw new IllegalStateException("the tree has no nodes array");
            }
            NpyArray nodes = nodesNode.array();
            long[] left = nodes.field("left_child").toLongArray();
            long[] right = nodes.field("right_child").toLongArray();
            long[] feature = nodes.field("feature").toLongArray();
            double[] impurity = nodes.field("impurity").toDoubleArray();
            double[] weighted = nodes.field("weighted_n_node_samples").toDoubleArray();
            int count = left.length;
            for (int i = 0; i < count; i++) {
                if (left[i] != -1 && (left[i] < 0 || left[i] >= count || right[i] < 0 || right[i] >= count
                        || feature[i] < 0 || feature[i] >= nFeatures)) {
                    throw new IllegalStateException("node " + i + " links outside the tree");
                }
            }
            return new Tree(nFeatures, count, left, right, feature, impurity, weighted);
        }

        private static int intOf(Node n) {
            if (n instanceof JsonNode j) {
                try {
                    return ((Number) j.value()).intValue();
                } catch (dev.skiff.format.json.JsonSyntaxException | ClassCastException e) {
                    throw new IllegalStateException("n_features is not an integer");
                }
            }
            if (n instanceof NdArrayNode a) {
                return (int) a.array().getLong(0);
            }
            throw new IllegalStateException("n_features is not an integer");
        }

        /** {@code Tree.compute_feature_importances(normalize)}. */
        double[] importances(boolean normalise) {
            double[] imp = new double[nFeatures];
            for (int i = 0; i < nodeCount; i++) {
                if (left[i] != -1) {
                    int l = (int) left[i];
                    int r = (int) right[i];
                    imp[(int) feature[i]] += weighted[i] * impurity[i] - weighted[l] * impurity[l]
                            - weighted[r] * impurity[r];
                }
            }
            for (int f = 0; f < nFeatures; f++) {
                imp[f] /= weighted[0];
            }
            if (normalise) {
                double total = NumpySums.sum(imp);
                if (total > 0.0) {
                    for (int f = 0; f < nFeatures; f++) {
                        imp[f] /= total;
                    }
                }
            }
            return imp;
        }
    }
}
