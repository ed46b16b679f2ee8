package dev.skiff.runtime.tree;

import dev.skiff.runtime.ModelBuildException;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * An ensemble of scikit-learn {@code Tree}s compiled for float32 routing: one flat {@code int[]} with four
 * ints per node, nodes of each tree in pre-order so the left child is the next node, and the leaf payloads in
 * one {@code double[]}. A split node holds (feature, threshold key, right child, 1 if NaN goes left else 0);
 * a leaf holds (0, {@link Integer#MIN_VALUE}, itself, {@code -(payload offset + 1)}), so it routes to itself.
 *
 * <p>scikit-learn casts X to float32 and tests {@code (double) x <= threshold} with a float64 threshold.
 * For a float {@code x} that is the same as {@code x <= t32} where {@code t32} is the largest float not above
 * the threshold, so thresholds are rounded down once here. They are stored as order-preserving int keys
 * ({@link #key}), so a step is integer arithmetic: batches walk four rows through a tree in lock step with
 * no data-dependent branch (leaves loop on themselves until all four rows arrive), which keeps several
 * loads in flight instead of paying a branch miss per level.
 *
 * <p>Each tree adds its leaf's {@code width} values to the output row at column {@code outCol[t]}, trees in
 * order, which is scikit-learn's summation order. Batches run trees outer, rows inner. Immutable and
 * thread-safe.
 */
final class FlatForest {
    static final int STRIDE = 4;
    /**
     * Rows per pass over the trees. Measured on RF/GB/HGB(100): passes over thousands of rows beat small
     * cache blocks, as each tree then stays in L1 while the rows stream through in order.
     */
    private static final int BLOCK = 8192;
    private static final int PARALLEL_MIN_ROWS = 4096;
    /** Parallel streams run on the common pool plus the calling thread: worth it from two cores. */
    private static final boolean PARALLEL = Runtime.getRuntime().availableProcessors() > 1;

    private final int[] nodes;
    private final int[] roots;
    private final int[] outCol;
    private final double[] leafValues;
    private final int width;
    private final boolean anyMissingLeft;

    private FlatForest(int[] nodes, int[] roots, int[] outCol, double[] leafValues, int width, boolean anyMissingLeft) {
        this.nodes = nodes;
        this.roots = roots;
        this.outCol = outCol;
        this.leafValues = leafValues;
        this.width = width;
        this.anyMissingLeft = anyMissingLeft;
    }

    int trees() {
        return roots.length;
    }

    int width() {
        return width;
    }

    /** The largest float not above {@code t}: {@code (float) x <= result} exactly when {@code (double)(float) x <= t}. */
    static float floorFloat(double t) {
        float f = (float) t;
        if ((double) f > t) {
            f = Math.nextDown(f);
        }
        return f;
    }

    /**
     * An int that orders like the float: {@code key(x) <= key(t)} exactly when {@code x <= t} for any
     * non-NaN float x (inputs' NaN are canonical and take the NaN-aware walk or go right), once a zero
     * threshold is taken as +0.0 (so both -0.0 and +0.0 inputs are at or below it). A NaN threshold gets the
     * smallest key: no row goes left, as {@code x <= NaN} is false.
     */
    static int key(float t) {
        if (t == 0) {
            t = 0.0f;
        }
        if (t != t) {
            return Integer.MIN_VALUE;
        }
        int b = Float.floatToRawIntBits(t);
        return b ^ ((b >> 31) & 0x7FFFFFFF);
    }

    /** The leaf payload of one tree: {@code width} values for a leaf. */
    @FunctionalInterface
    interface Payload {
        void leaf(int node, double[] out, int offset);
    }

    static final class Builder {
        private final int width;
        private int[] nodes = new int[1024];
        private double[] values = new double[256];
        private int nodeLen;
        private int valueLen;
        private int[] roots = new int[16];
        private int[] outCol = new int[16];
        private int nTrees;
        private boolean anyMissingLeft;
        private boolean nanGoesRight;

        Builder(int width) {
            this.width = width;
        }

        /** Ignore {@code missing_go_to_left}: NaN always goes right (GradientBoosting's predict_stages). */
        Builder nanGoesRight() {
            this.nanGoesRight = true;
            return this;
        }

        /**
         * Appends a tree.
         *
         * @param featureMap maps the tree's feature indices to input columns (null: identity)
         */
        Builder add(SkTree tree, int column, int[] featureMap, Payload payload) throws ModelBuildException {
            long need = (long) nodeLen + (long) tree.nodeCount() * STRIDE;
            long needValues = (long) valueLen + (long) tree.nodeCount() * width;
            if (need > Integer.MAX_VALUE - 16 || needValues > Integer.MAX_VALUE - 16) {
                throw new ModelBuildException(tree.path() + ": the ensemble is too large to compile");
            }
            nodes = grow(nodes, (int) need);
            if (nTrees == roots.length) {
                roots = Arrays.copyOf(roots, nTrees * 2);
                outCol = Arrays.copyOf(outCol, nTrees * 2);
            }
            roots[nTrees] = nodeLen;
            outCol[nTrees] = column;
            nTrees++;
            int n = tree.nodeCount();
            int[] newIndex = new int[n];
            int[] order = new int[n];
            int[] stack = new int[n];
            int sp = 0;
            int k = 0;
            stack[sp++] = 0;
            while (sp > 0) {
                int i = stack[--sp];
                newIndex[i] = nodeLen + k * STRIDE;
                order[k++] = i;
                if (!tree.isLeaf(i)) {
                    stack[sp++] = tree.right()[i];
                    stack[sp++] = tree.left()[i];
                }
            }
            double[] leaf = new double[width];
            for (int j = 0; j < n; j++) {
                int i = order[j];
                int at = newIndex[i];
                if (tree.isLeaf(i)) {
                    Arrays.fill(leaf, 0);
                    payload.leaf(i, leaf, 0);
                    values = growValues(values, valueLen + width);
                    System.arraycopy(leaf, 0, values, valueLen, width);
                    nodes[at] = 0;
                    nodes[at + 1] = Integer.MIN_VALUE; // below every key of a non-NaN float: "go right"
                    nodes[at + 2] = at;                // ... which is the leaf itself
                    nodes[at + 3] = -valueLen - 1;
                    valueLen += width;
                } else {
                    int f = tree.feature()[i];
                    nodes[at] = featureMap == null ? f : featureMap[f];
                    nodes[at + 1] = key(floorFloat(tree.threshold()[i]));
                    nodes[at + 2] = newIndex[tree.right()[i]];
                    boolean ml = !nanGoesRight && tree.missingLeft()[i];
                    nodes[at + 3] = ml ? 1 : 0;
                    anyMissingLeft |= ml;
                    if (newIndex[tree.left()[i]] != at + STRIDE) {
                        throw new IllegalStateException("pre-order layout broken");
                    }
                }
            }
            nodeLen += n * STRIDE;
            return this;
        }

        FlatForest build() {
            return new FlatForest(Arrays.copyOf(nodes, nodeLen), Arrays.copyOf(roots, nTrees),
                    Arrays.copyOf(outCol, nTrees), Arrays.copyOf(values, valueLen), width, anyMissingLeft);
        }

        private static int[] grow(int[] a, int need) {
            if (need <= a.length) {
                return a;
            }
            return Arrays.copyOf(a, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(need, 2L * a.length)));
        }

        private static double[] growValues(double[] a, int need) {
            if (need <= a.length) {
                return a;
            }
            return Arrays.copyOf(a, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(need, 2L * a.length)));
        }
    }

    /**
     * Adds every tree's leaf values to {@code out} (row-major, {@code outStride} values a row), for rows of
     * {@code x} (row-major float32, {@code cols} a row). Large batches are split across the common pool by
     * rows; each row's sum keeps the tree order, so the numbers do not depend on the split.
     */
    void accumulate(Float32Rows x, double[] out, int outStride) {
        int rows = x.rows();
        boolean nan = x.hasNaN() && anyMissingLeft;
        if (rows >= PARALLEL_MIN_ROWS && PARALLEL) {
            int chunks = Math.min(2 * Runtime.getRuntime().availableProcessors(), rows / (PARALLEL_MIN_ROWS / 2));
            int size = (rows + chunks - 1) / chunks;
            IntStream.range(0, chunks).parallel().forEach(c -> {
                int to = Math.min(rows, (c + 1) * size);
                for (int from = c * size; from < to; from += BLOCK) {
                    accumulate(x.data(), x.cols(), from, Math.min(to, from + BLOCK), nan, out, outStride);
                }
            });
        } else {
            for (int r0 = 0; r0 < rows; r0 += BLOCK) {
                accumulate(x.data(), x.cols(), r0, Math.min(rows, r0 + BLOCK), nan, out, outStride);
            }
        }
    }

    private void accumulate(float[] x, int cols, int r0, int r1, boolean nan, double[] out, int outStride) {
        if (width == 1) {
            for (int t = 0; t < roots.length; t++) {
                addWidth1(x, cols, r0, r1, roots[t], outCol[t], nan, out, outStride);
            }
        } else {
            for (int t = 0; t < roots.length; t++) {
                addWide(x, cols, r0, r1, roots[t], outCol[t], nan, out, outStride);
            }
        }
    }

    private void addWidth1(float[] x, int cols, int r0, int r1, int root, int col, boolean nan, double[] out,
                           int outStride) {
        int[] nd = nodes;
        double[] lv = leafValues;
        int r = r0;
        if (!nan) {
            for (; r + 4 <= r1; r += 4) {
                int b = r * cols;
                int o = r * outStride + col;
                int n0 = root;
                int n1 = root;
                int n2 = root;
                int n3 = root;
                while ((nd[n0 + 3] & nd[n1 + 3] & nd[n2 + 3] & nd[n3 + 3]) >= 0) {
                    n0 = step(nd, x, b, n0);
                    n1 = step(nd, x, b + cols, n1);
                    n2 = step(nd, x, b + 2 * cols, n2);
                    n3 = step(nd, x, b + 3 * cols, n3);
                }
                out[o] += lv[-nd[n0 + 3] - 1];
                out[o + outStride] += lv[-nd[n1 + 3] - 1];
                out[o + 2 * outStride] += lv[-nd[n2 + 3] - 1];
                out[o + 3 * outStride] += lv[-nd[n3 + 3] - 1];
            }
        }
        for (; r < r1; r++) {
            int leaf = nan ? leafNaN(nd, x, r * cols, root) : leaf(nd, x, r * cols, root);
            out[r * outStride + col] += lv[-nd[leaf + 3] - 1];
        }
    }

    /** One branch-free step for a non-NaN row: left (next node) when key(x) <= key(threshold), else right. */
    private static int step(int[] nd, float[] x, int base, int n) {
        int kx = Float.floatToRawIntBits(x[base + nd[n]]);
        kx ^= (kx >> 31) & 0x7FFFFFFF;
        int left = 1 - (int) (((long) nd[n + 1] - kx) >>> 63);
        int right = nd[n + 2];
        return right + ((n + STRIDE - right) & -left);
    }

    private void addWide(float[] x, int cols, int r0, int r1, int root, int col, boolean nan, double[] out,
                         int outStride) {
        int[] nd = nodes;
        double[] lv = leafValues;
        int w = width;
        int r = r0;
        if (!nan) {
            for (; r + 4 <= r1; r += 4) {
                int b = r * cols;
                int o = r * outStride + col;
                int n0 = root;
                int n1 = root;
                int n2 = root;
                int n3 = root;
                while ((nd[n0 + 3] & nd[n1 + 3] & nd[n2 + 3] & nd[n3 + 3]) >= 0) {
                    n0 = step(nd, x, b, n0);
                    n1 = step(nd, x, b + cols, n1);
                    n2 = step(nd, x, b + 2 * cols, n2);
                    n3 = step(nd, x, b + 3 * cols, n3);
                }
                addLeaf(lv, -nd[n0 + 3] - 1, out, o, w);
                addLeaf(lv, -nd[n1 + 3] - 1, out, o + outStride, w);
                addLeaf(lv, -nd[n2 + 3] - 1, out, o + 2 * outStride, w);
                addLeaf(lv, -nd[n3 + 3] - 1, out, o + 3 * outStride, w);
            }
        }
        for (; r < r1; r++) {
            int leaf = nan ? leafNaN(nd, x, r * cols, root) : leaf(nd, x, r * cols, root);
            int off = -nd[leaf + 3] - 1;
            int o = r * outStride + col;
            for (int j = 0; j < w; j++) {
                out[o + j] += lv[off + j];
            }
        }
    }

    private static void addLeaf(double[] lv, int off, double[] out, int o, int w) {
        for (int j = 0; j < w; j++) {
            out[o + j] += lv[off + j];
        }
    }

    /** The leaf reached by a row without NaN at {@code base}. */
    private static int leaf(int[] nd, float[] x, int base, int n) {
        while (nd[n + 3] >= 0) {
            int kx = Float.floatToRawIntBits(x[base + nd[n]]);
            kx ^= (kx >> 31) & 0x7FFFFFFF;
            n = kx <= nd[n + 1] ? n + STRIDE : nd[n + 2];
        }
        return n;
    }

    /** As {@link #leaf}, but NaN follows the node's {@code missing_go_to_left} (or goes right). */
    private static int leafNaN(int[] nd, float[] x, int base, int n) {
        while (nd[n + 3] >= 0) {
            float v = x[base + nd[n]];
            if (v != v) {
                n = nd[n + 3] != 0 ? n + STRIDE : nd[n + 2];
            } else {
                int kx = Float.floatToRawIntBits(v);
                kx ^= (kx >> 31) & 0x7FFFFFFF;
                n = kx <= nd[n + 1] ? n + STRIDE : nd[n + 2];
            }
        }
        return n;
    }
}
