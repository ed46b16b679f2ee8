package dev.skiff.runtime.tree;

import dev.skiff.runtime.ModelBuildException;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * An ensemble of scikit-learn {@code Tree}s compiled for float32 routing: one flat {@code int[]} with four
 * ints per node (feature, threshold bits, right child, missing-goes-left), nodes of each tree in pre-order
 * so the left child is the next node, and the leaf payloads in one {@code double[]}.
 *
 * <p>scikit-learn casts X to float32 and tests {@code (double) x <= threshold} with a float64 threshold.
 * For a float {@code x} that is the same as {@code x <= t32} where {@code t32} is the largest float not above
 * the threshold, so thresholds are rounded down once here and rows are compared as floats.
 *
 * <p>Each tree adds its leaf's {@code width} values to the output row at column {@code outCol[t]}, trees in
 * order, which is scikit-learn's summation order. Batches run trees outer, rows inner, in blocks of rows.
 * Immutable and thread-safe.
 */
final class FlatForest {
    static final int STRIDE = 4;
    private static final int BLOCK = 256;
    private static final int PARALLEL_MIN_ROWS = 4096;

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
                    nodes[at] = -1;
                    nodes[at + 1] = 0;
                    nodes[at + 2] = valueLen;
                    nodes[at + 3] = 0;
                    valueLen += width;
                } else {
                    int f = tree.feature()[i];
                    nodes[at] = featureMap == null ? f : featureMap[f];
                    nodes[at + 1] = Float.floatToRawIntBits(floorFloat(tree.threshold()[i]));
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
        if (rows >= PARALLEL_MIN_ROWS && java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() > 1) {
            int chunks = (rows + BLOCK - 1) / BLOCK;
            IntStream.range(0, chunks).parallel().forEach(c ->
                    accumulate(x.data(), x.cols(), c * BLOCK, Math.min(rows, (c + 1) * BLOCK), nan, out, outStride));
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
        for (int r = r0; r < r1; r++) {
            int leaf = nan ? leafNaN(nd, x, r * cols, root) : leaf(nd, x, r * cols, root);
            out[r * outStride + col] += lv[nd[leaf + 2]];
        }
    }

    private void addWide(float[] x, int cols, int r0, int r1, int root, int col, boolean nan, double[] out,
                         int outStride) {
        int[] nd = nodes;
        double[] lv = leafValues;
        int w = width;
        for (int r = r0; r < r1; r++) {
            int leaf = nan ? leafNaN(nd, x, r * cols, root) : leaf(nd, x, r * cols, root);
            int off = nd[leaf + 2];
            int o = r * outStride + col;
            for (int j = 0; j < w; j++) {
                out[o + j] += lv[off + j];
            }
        }
    }

    /** The leaf reached by the row at {@code base}; NaN goes right (NaN <= t is false). */
    private static int leaf(int[] nd, float[] x, int base, int n) {
        int f;
        while ((f = nd[n]) >= 0) {
            n = x[base + f] <= Float.intBitsToFloat(nd[n + 1]) ? n + STRIDE : nd[n + 2];
        }
        return n;
    }

    /** As {@link #leaf}, but NaN follows the node's {@code missing_go_to_left}. */
    private static int leafNaN(int[] nd, float[] x, int base, int n) {
        int f;
        while ((f = nd[n]) >= 0) {
            float v = x[base + f];
            n = v <= Float.intBitsToFloat(nd[n + 1]) || (v != v && nd[n + 3] != 0) ? n + STRIDE : nd[n + 2];
        }
        return n;
    }
}
