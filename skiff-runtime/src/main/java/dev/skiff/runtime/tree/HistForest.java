package dev.skiff.runtime.tree;

import dev.skiff.format.node.NdArrayNode;
import dev.skiff.format.node.Node;
import dev.skiff.format.npy.DType;
import dev.skiff.format.npy.NpyArray;
import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.build.Attrs;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The {@code TreePredictor}s of a HistGradientBoosting model compiled into one flat {@code long[]}, two longs
 * a node in pre-order (left child = next node): the threshold / leaf value / bitset offset, and
 * {@code right << 32 | flags << 24 | feature} (-1 for a leaf), so a node is one 16-byte read.
 * Routing follows {@code _predictor.pyx} {@code _predict_one_from_raw_data} on float64 features: NaN goes to
 * {@code missing_go_to_left}; a categorical split sends negative values, and categories in neither the
 * node's left bitset nor the feature's known categories, the missing way; the category is the value cast to
 * uint8 as the C code does. Immutable and thread-safe.
 */
final class HistForest {
    private static final int STRIDE = 2;
    private static final int MISSING_LEFT = 1;
    private static final int CATEGORICAL = 2;
    private static final long MISSING_LEFT_BIT = (long) MISSING_LEFT << 24;
    private static final long CATEGORICAL_BIT = (long) CATEGORICAL << 24;
    private static final int MAX_FEATURES = 1 << 24;
    /**
     * Rows per pass over the trees. Measured on RF/GB/HGB(100): passes over thousands of rows beat small
     * cache blocks, as each tree then stays in L1 while the rows stream through in order.
     */
    private static final int BLOCK = 8192;
    private static final int PARALLEL_MIN_ROWS = 4096;
    private static final boolean PARALLEL = Runtime.getRuntime().availableProcessors() > 1;

    private final long[] nodes;
    private final int[] bitsets;     // raw-left bitsets of all predictors, 8 words each
    private final int[] known;       // known-category bitsets, 8 words per categorical feature
    private final int[] knownOffset; // per feature: offset into known, -1 when not categorical
    private final int[] roots;
    private final int[] outCol;

    private HistForest(long[] nodes, int[] bitsets, int[] known, int[] knownOffset, int[] roots,
                       int[] outCol) {
        this.nodes = nodes;
        this.bitsets = bitsets;
        this.known = known;
        this.knownOffset = knownOffset;
        this.roots = roots;
        this.outCol = outCol;
    }

    /**
     * Compiles the predictors.
     *
     * @param predictors  {@code _predictors}: one list per iteration of {@code k} TreePredictor nodes
     * @param nFeatures   the number of (preprocessed) features
     * @param categorical per feature, whether the bin mapper treats it as categorical
     * @param knownCats   per feature, the known raw category values (categorical features only)
     */
    static HistForest compile(java.util.List<java.util.List<Node>> predictors, String path, int k, int nFeatures,
                              boolean[] categorical, double[][] knownCats) throws ModelBuildException {
        int[] knownOffset = new int[nFeatures];
        Arrays.fill(knownOffset, -1);
        int nCat = 0;
        for (int f = 0; f < nFeatures; f++) {
            if (categorical[f]) {
                knownOffset[f] = 8 * nCat++;
            }
        }
        int[] known = new int[8 * nCat];
        for (int f = 0; f < nFeatures; f++) {
            if (categorical[f]) {
                for (double v : knownCats[f]) {
                    if (!(v >= 0 && v <= 255 && v == Math.rint(v))) {
                        throw new ModelBuildException(path + ": known category " + v + " of feature " + f
                                + " is not an integer in [0, 255]");
                    }
                    int c = (int) v;
                    known[knownOffset[f] + (c >>> 5)] |= 1 << (c & 31);
                }
            }
        }
        if (nFeatures > MAX_FEATURES) {
            throw new ModelBuildException(path + ": more than " + MAX_FEATURES + " features");
        }
        Compiler c = new Compiler(nFeatures, categorical);
        for (int i = 0; i < predictors.size(); i++) {
            java.util.List<Node> it = predictors.get(i);
            if (it.size() != k) {
                throw new ModelBuildException(path + "[" + i + "]: expected " + k + " predictors, found " + it.size());
            }
            for (int j = 0; j < k; j++) {
                c.add(it.get(j), path + "[" + i + "][" + j + "]", j);
            }
        }
        return c.build(known, knownOffset);
    }

    private static final class Compiler {
        private final int nFeatures;
        private final boolean[] categorical;
        private long[] nodes = new long[1024];
        private int[] bitsets = new int[0];
        private int len;
        private int[] roots = new int[16];
        private int[] outCol = new int[16];
        private int nTrees;

        Compiler(int nFeatures, boolean[] categorical) {
            this.nFeatures = nFeatures;
            this.categorical = categorical;
        }

        void add(Node predictor, String path, int column) throws ModelBuildException {
            if (!(predictor instanceof dev.skiff.format.node.ObjectNode o)) {
                throw new ModelBuildException(path + ": expected a TreePredictor, found " + predictor.typeName());
            }
            Attrs a = new Attrs(o, path);
            NpyArray arr = a.array("nodes");
            if (arr.ndim() != 1 || !(arr.dtype() instanceof DType.Structured st)) {
                throw a.error("nodes", "must be a 1-d structured array");
            }
            String thrName = st.field("num_threshold").isPresent() ? "num_threshold" : "threshold";
            for (String f : new String[]{"value", "feature_idx", thrName, "missing_go_to_left", "left", "right", "is_leaf"}) {
                if (st.field(f).isEmpty()) {
                    throw a.error("nodes", "has no field '" + f + "' (dtype " + st.descrLiteral() + ")");
                }
            }
            int n = Math.toIntExact(arr.shape()[0]);
            if (n < 1) {
                throw a.error("nodes", "is empty");
            }
            double[] value = arr.field("value").toDoubleArray();
            long[] feat = arr.field("feature_idx").toLongArray();
            double[] thr = arr.field(thrName).toDoubleArray();
            long[] miss = arr.field("missing_go_to_left").toLongArray();
            long[] l = arr.field("left").toLongArray();
            long[] r = arr.field("right").toLongArray();
            long[] leafFlag = arr.field("is_leaf").toLongArray();
            long[] isCat = st.field("is_categorical").isPresent() ? arr.field("is_categorical").toLongArray() : new long[n];
            long[] bitsetIdx = st.field("bitset_idx").isPresent() ? arr.field("bitset_idx").toLongArray() : new long[n];
            int[] rawBits = rawBitsets(a);
            int nBitsets = rawBits.length / 8;
            int[] left = new int[n];
            int[] right = new int[n];
            int[] parents = new int[n];
            for (int i = 0; i < n; i++) {
                if (leafFlag[i] != 0) {
                    left[i] = SkTree.LEAF;
                    right[i] = SkTree.LEAF;
                    continue;
                }
                if (l[i] < 1 || l[i] >= n || r[i] < 1 || r[i] >= n) {
                    throw new ModelBuildException(path + ".nodes: node " + i + " has a child index out of range [1, "
                            + n + ") (left " + l[i] + ", right " + r[i] + ")");
                }
                if (feat[i] < 0 || feat[i] >= nFeatures) {
                    throw new ModelBuildException(path + ".nodes: node " + i + " splits on feature " + feat[i]
                            + ", outside [0, " + nFeatures + ")");
                }
                if (isCat[i] != 0) {
                    if (!categorical[(int) feat[i]]) {
                        throw new ModelBuildException(path + ".nodes: node " + i + " is a categorical split on feature "
                                + feat[i] + ", which is not categorical");
                    }
                    if (bitsetIdx[i] < 0 || bitsetIdx[i] >= nBitsets) {
                        throw new ModelBuildException(path + ".nodes: node " + i + " has bitset_idx " + bitsetIdx[i]
                                + ", outside [0, " + nBitsets + ")");
                    }
                }
                left[i] = (int) l[i];
                right[i] = (int) r[i];
                parents[left[i]]++;
                parents[right[i]]++;
            }
            SkTree.checkReachable(path + ".nodes", n, left, right, parents);

            int bitsetBase = bitsets.length;
            bitsets = Arrays.copyOf(bitsets, bitsets.length + rawBits.length);
            System.arraycopy(rawBits, 0, bitsets, bitsetBase, rawBits.length);

            long need = (long) len + (long) n * STRIDE;
            if (need > Integer.MAX_VALUE - 16) {
                throw new ModelBuildException(path + ": the ensemble is too large to compile");
            }
            if (need > nodes.length) {
                nodes = Arrays.copyOf(nodes, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(need, 2L * nodes.length)));
            }
            if (nTrees == roots.length) {
                roots = Arrays.copyOf(roots, nTrees * 2);
                outCol = Arrays.copyOf(outCol, nTrees * 2);
            }
            roots[nTrees] = len;
            outCol[nTrees] = column;
            nTrees++;
            int[] newIndex = new int[n];
            int[] order = new int[n];
            int[] stack = new int[n];
            int sp = 0;
            int cnt = 0;
            stack[sp++] = 0;
            while (sp > 0) {
                int i = stack[--sp];
                newIndex[i] = len + cnt * STRIDE;
                order[cnt++] = i;
                if (left[i] != SkTree.LEAF) {
                    stack[sp++] = right[i];
                    stack[sp++] = left[i];
                }
            }
            for (int j = 0; j < n; j++) {
                int i = order[j];
                int at = newIndex[i];
                if (left[i] == SkTree.LEAF) {
                    nodes[at] = Double.doubleToRawLongBits(value[i]);
                    nodes[at + 1] = -1;
                } else {
                    int flags = (miss[i] != 0 ? MISSING_LEFT : 0) | (isCat[i] != 0 ? CATEGORICAL : 0);
                    nodes[at] = isCat[i] != 0 ? bitsetBase + 8L * bitsetIdx[i] : Double.doubleToRawLongBits(thr[i]);
                    nodes[at + 1] = (long) newIndex[right[i]] << 32 | (long) flags << 24 | feat[i];
                }
            }
            len += n * STRIDE;
        }

        private static int[] rawBitsets(Attrs a) throws ModelBuildException {
            if (a.isNone("raw_left_cat_bitsets")) {
                return new int[0];
            }
            NpyArray b = a.array("raw_left_cat_bitsets");
            long[] s = b.shape();
            if (s.length != 2 || s[1] != 8) {
                throw a.error("raw_left_cat_bitsets", "has shape " + Arrays.toString(s) + ", expected (n, 8)");
            }
            long[] v = b.toLongArray();
            int[] out = new int[v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = (int) v[i];
            }
            return out;
        }

        HistForest build(int[] known, int[] knownOffset) {
            return new HistForest(Arrays.copyOf(nodes, len), bitsets, known,
                    knownOffset, Arrays.copyOf(roots, nTrees), Arrays.copyOf(outCol, nTrees));
        }
    }

    /** Adds every predictor's value to {@code out[row * outStride + column]}, predictors in order. */
    void accumulate(double[] x, int rows, int cols, double[] out, int outStride) {
        if (rows >= PARALLEL_MIN_ROWS && PARALLEL) {
            int chunks = Math.min(2 * Runtime.getRuntime().availableProcessors(), rows / (PARALLEL_MIN_ROWS / 2));
            int size = (rows + chunks - 1) / chunks;
            IntStream.range(0, chunks).parallel().forEach(c -> {
                int to = Math.min(rows, (c + 1) * size);
                for (int from = c * size; from < to; from += BLOCK) {
                    block(x, cols, from, Math.min(to, from + BLOCK), out, outStride);
                }
            });
        } else {
            for (int r0 = 0; r0 < rows; r0 += BLOCK) {
                block(x, cols, r0, Math.min(rows, r0 + BLOCK), out, outStride);
            }
        }
    }

    private void block(double[] x, int cols, int r0, int r1, double[] out, int outStride) {
        long[] nd = nodes;
        for (int t = 0; t < roots.length; t++) {
            int root = roots[t];
            int col = outCol[t];
            for (int r = r0; r < r1; r++) {
                out[r * outStride + col] += Double.longBitsToDouble(nd[leaf(nd, x, r * cols, root)]);
            }
        }
    }

    private int leaf(long[] nd, double[] x, int base, int n) {
        long m;
        while ((m = nd[n + 1]) >= 0) {
            double v = x[base + ((int) m & 0xFFFFFF)];
            if ((m & CATEGORICAL_BIT) == 0) {
                n = v <= Double.longBitsToDouble(nd[n]) || (v != v && (m & MISSING_LEFT_BIT) != 0)
                        ? n + STRIDE : (int) (m >>> 32);
            } else {
                n = categorical(nd, n, m, v);
            }
        }
        return n;
    }

    private int categorical(long[] nd, int n, long m, double v) {
        boolean missingLeft = (m & MISSING_LEFT_BIT) != 0;
        int right = (int) (m >>> 32);
        if (v != v || v < 0) {
            return missingLeft ? n + STRIDE : right;
        }
        int c = toUint8(v);
        if ((bitsets[(int) nd[n] + (c >>> 5)] >>> (c & 31) & 1) != 0) {
            return n + STRIDE;
        }
        if ((known[knownOffset[(int) m & 0xFFFFFF] + (c >>> 5)] >>> (c & 31) & 1) != 0) {
            return right;
        }
        return missingLeft ? n + STRIDE : right;
    }

    /**
     * {@code (uint8_t) v} for {@code v >= 0} as x86-64 C code computes it: truncate to a 32-bit integer
     * (2^31 and above give 0x80000000) and keep the low byte.
     */
    static int toUint8(double v) {
        return v < 2147483648.0 ? ((int) v) & 0xFF : 0;
    }
}
