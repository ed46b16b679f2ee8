package dev.skiff.runtime.tree;

import dev.skiff.format.json.JsonSyntaxException;
import dev.skiff.format.node.DictNode;
import dev.skiff.format.node.JsonNode;
import dev.skiff.format.node.NdArrayNode;
import dev.skiff.format.node.Node;
import dev.skiff.format.node.TreeNode;
import dev.skiff.format.node.TupleNode;
import dev.skiff.format.npy.DType;
import dev.skiff.format.npy.NpyArray;
import dev.skiff.runtime.ModelBuildException;

import java.util.Arrays;

/**
 * A {@code sklearn.tree._tree.Tree} read from its node and validated: children in range and forming one
 * tree (every node reached exactly once from the root, no cycles), split features within range, and a
 * {@code values} array of shape (node_count, n_outputs, max_n_classes). scikit-learn itself no longer
 * trusts this state (malformed node arrays crash it), so nothing is compiled from a tree that fails here.
 *
 * <p>Both node dtypes are accepted: scikit-learn ≥ 1.3 (64 bytes, with {@code missing_go_to_left}) and the
 * older 56-byte one (missing values then always go right, as {@code NaN <= t} is false).
 */
record SkTree(String path, int nFeatures, int nOutputs, int[] nClasses, int maxNClasses, int nodeCount,
              int[] left, int[] right, int[] feature, double[] threshold, boolean[] missingLeft,
              double[] values, long[] nNodeSamples) {

    static final int LEAF = -1;

    /** The value of node {@code n}, output {@code k}, class {@code c}. */
    double value(int n, int k, int c) {
        return values[(n * nOutputs + k) * maxNClasses + c];
    }

    boolean isLeaf(int n) {
        return left[n] == LEAF;
    }

    /**
     * Reads and validates a tree.
     *
     * @param expectedFeatures the number of input columns the tree is applied to, or -1 to skip the check
     */
    static SkTree read(Node node, String path, int expectedFeatures) throws ModelBuildException {
        if (!(node instanceof TreeNode t)) {
            throw new ModelBuildException(path + ": expected a sklearn.tree._tree.Tree, found " + node.typeName());
        }
        if (!(t.args() instanceof TupleNode args) || args.items().size() != 3) {
            throw new ModelBuildException(path + ": Tree constructor arguments must be (n_features, n_classes, n_outputs)");
        }
        int nFeatures = intValue(args.items().get(0), path + ".__reduce__.args[0]");
        int nOutputs = intValue(args.items().get(2), path + ".__reduce__.args[2]");
        if (nFeatures < 1 || nOutputs < 1) {
            throw new ModelBuildException(path + ": n_features=" + nFeatures + " and n_outputs=" + nOutputs
                    + " must be positive");
        }
        if (expectedFeatures >= 0 && nFeatures != expectedFeatures) {
            throw new ModelBuildException(path + ": the tree has n_features=" + nFeatures + " but is applied to "
                    + expectedFeatures + " features");
        }
        if (!(args.items().get(1) instanceof NdArrayNode ncNode)) {
            throw new ModelBuildException(path + ".__reduce__.args[1]: n_classes must be an integer array");
        }
        long[] nc = ncNode.array().toLongArray();
        if (nc.length != nOutputs) {
            throw new ModelBuildException(path + ": n_classes has " + nc.length + " entries for " + nOutputs + " outputs");
        }
        int[] nClasses = new int[nOutputs];
        int maxNClasses = 0;
        for (int k = 0; k < nOutputs; k++) {
            if (nc[k] < 1 || nc[k] > 1_000_000) {
                throw new ModelBuildException(path + ": n_classes[" + k + "]=" + nc[k] + " is out of range");
            }
            nClasses[k] = (int) nc[k];
            maxNClasses = Math.max(maxNClasses, nClasses[k]);
        }
        if (!(t.state() instanceof DictNode state)) {
            throw new ModelBuildException(path + ": the Tree state is not a dict");
        }
        NpyArray nodes = array(state, "nodes", path);
        NpyArray values = array(state, "values", path);
        Node countNode = state.get("node_count");
        if (countNode == null) {
            throw new ModelBuildException(path + ".node_count is missing");
        }
        int nodeCount = intValue(countNode, path + ".node_count");
        if (nodes.ndim() != 1 || !(nodes.dtype() instanceof DType.Structured st)) {
            throw new ModelBuildException(path + ".nodes must be a 1-d structured array, found "
                    + nodes.dtype().descrLiteral() + " of shape " + Arrays.toString(nodes.shape()));
        }
        if (nodeCount < 1 || nodes.shape()[0] != nodeCount) {
            throw new ModelBuildException(path + ": node_count=" + nodeCount + " but nodes has " + nodes.shape()[0]
                    + " entries");
        }
        long[] vs = values.shape();
        if (vs.length != 3 || vs[0] != nodeCount || vs[1] != nOutputs || vs[2] != maxNClasses) {
            throw new ModelBuildException(path + ".values has shape " + Arrays.toString(vs) + ", expected ["
                    + nodeCount + ", " + nOutputs + ", " + maxNClasses + "]");
        }
        for (String f : new String[]{"left_child", "right_child", "feature", "threshold"}) {
            if (st.field(f).isEmpty()) {
                throw new ModelBuildException(path + ".nodes has no field '" + f + "' (dtype " + st.descrLiteral() + ")");
            }
        }
        long[] l = nodes.field("left_child").toLongArray();
        long[] r = nodes.field("right_child").toLongArray();
        long[] f = nodes.field("feature").toLongArray();
        double[] thr = nodes.field("threshold").toDoubleArray();
        boolean[] miss = new boolean[nodeCount];
        if (st.field("missing_go_to_left").isPresent()) {
            long[] m = nodes.field("missing_go_to_left").toLongArray();
            for (int i = 0; i < nodeCount; i++) {
                miss[i] = m[i] != 0;
            }
        }
        long[] samples = st.field("n_node_samples").isPresent()
                ? nodes.field("n_node_samples").toLongArray() : null;
        double[] vals;
        try {
            vals = values.toDoubleArray();
        } catch (RuntimeException e) {
            throw new ModelBuildException(path + ".values is not numeric (" + values.dtype().descrLiteral() + ")");
        }
        int[] left = new int[nodeCount];
        int[] right = new int[nodeCount];
        int[] feature = new int[nodeCount];
        checkStructure(path, nodeCount, nFeatures, l, r, f, left, right, feature);
        return new SkTree(path, nFeatures, nOutputs, nClasses, maxNClasses, nodeCount, left, right, feature, thr,
                miss, vals, samples);
    }

    /** Fills left/right/feature and throws unless the arrays describe exactly one tree rooted at node 0. */
    static void checkStructure(String path, int n, int nFeatures, long[] l, long[] r, long[] f,
                               int[] left, int[] right, int[] feature) throws ModelBuildException {
        int[] parents = new int[n];
        for (int i = 0; i < n; i++) {
            if (l[i] == LEAF || r[i] == LEAF) {
                if (l[i] != r[i]) {
                    throw new ModelBuildException(path + ": node " + i + " has only one child (left " + l[i]
                            + ", right " + r[i] + ")");
                }
                left[i] = LEAF;
                right[i] = LEAF;
                feature[i] = -1;
                continue;
            }
            if (l[i] < 1 || l[i] >= n || r[i] < 1 || r[i] >= n) {
                throw new ModelBuildException(path + ": node " + i + " has a child index out of range [1, " + n
                        + ") (left " + l[i] + ", right " + r[i] + ")");
            }
            if (f[i] < 0 || f[i] >= nFeatures) {
                throw new ModelBuildException(path + ": node " + i + " splits on feature " + f[i]
                        + ", outside [0, " + nFeatures + ")");
            }
            left[i] = (int) l[i];
            right[i] = (int) r[i];
            feature[i] = (int) f[i];
            parents[left[i]]++;
            parents[right[i]]++;
        }
        checkReachable(path, n, left, right, parents);
    }

    /** Every node but the root has exactly one parent, and a walk from the root reaches all of them. */
    static void checkReachable(String path, int n, int[] left, int[] right, int[] parents) throws ModelBuildException {
        if (parents[0] != 0) {
            throw new ModelBuildException(path + ": the root (node 0) is the child of another node (a cycle)");
        }
        for (int i = 1; i < n; i++) {
            if (parents[i] != 1) {
                throw new ModelBuildException(path + ": node " + i + " has " + parents[i]
                        + " parents; a tree needs exactly one");
            }
        }
        int[] stack = new int[n];
        int sp = 0;
        int seen = 0;
        stack[sp++] = 0;
        while (sp > 0) {
            int i = stack[--sp];
            seen++;
            if (left[i] != LEAF) {
                stack[sp++] = left[i];
                stack[sp++] = right[i];
            }
            if (seen > n || sp > n) {
                throw new ModelBuildException(path + ": the node links contain a cycle");
            }
        }
        if (seen != n) {
            throw new ModelBuildException(path + ": " + (n - seen) + " of " + n
                    + " nodes cannot be reached from the root (a detached cycle)");
        }
    }

    private static NpyArray array(DictNode state, String name, String path) throws ModelBuildException {
        Node n = state.get(name);
        if (n instanceof NdArrayNode a) {
            return a.array();
        }
        throw new ModelBuildException(path + "." + name + " must be a numpy array, found "
                + (n == null ? "nothing" : n.typeName()));
    }

    static int intValue(Node n, String path) throws ModelBuildException {
        Object v;
        try {
            v = switch (n) {
                case JsonNode j -> j.value();
                case NdArrayNode a when a.array().ndim() == 0 -> a.array().getLong(0);
                default -> null;
            };
        } catch (JsonSyntaxException | RuntimeException e) {
            throw new ModelBuildException(path + ": expected an integer (" + e.getMessage() + ")");
        }
        if (v instanceof Long x && x >= Integer.MIN_VALUE && x <= Integer.MAX_VALUE) {
            return x.intValue();
        }
        throw new ModelBuildException(path + ": expected an integer, found " + v);
    }
}
