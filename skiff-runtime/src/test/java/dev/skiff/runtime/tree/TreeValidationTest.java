package dev.skiff.runtime.tree;

import dev.skiff.format.Skops;
import dev.skiff.format.audit.TrustPolicy;
import dev.skiff.format.node.DictNode;
import dev.skiff.format.node.ListNode;
import dev.skiff.format.node.NdArrayNode;
import dev.skiff.format.node.Node;
import dev.skiff.format.node.ObjectArrayNode;
import dev.skiff.format.node.ObjectNode;
import dev.skiff.format.node.TreeNode;
import dev.skiff.format.node.TupleNode;
import dev.skiff.format.npy.DType;
import dev.skiff.format.npy.NpyArray;
import dev.skiff.format.write.WriteOptions;
import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.ModelInputException;
import dev.skiff.runtime.data.Float64Column;
import dev.skiff.runtime.data.Frame;
import dev.skiff.runtime.Models;
import dev.skiff.runtime.testing.Parity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Malformed tree state (the reason skops stopped trusting {@code sklearn.tree._tree.Tree}): real models are
 * rewritten with skiff-format's node API and must be refused at build time with the node path, never crash
 * or loop at predict time.
 */
class TreeValidationTest {
    @TempDir
    static Path dir;
    static List<Parity.Case> cases;

    @BeforeAll
    static void fit() throws Exception {
        cases = Parity.generate(dir, """
                from sklearn.tree import DecisionTreeClassifier
                from sklearn.ensemble import RandomForestRegressor, GradientBoostingClassifier
                from sklearn.ensemble import HistGradientBoostingRegressor
                rng = np.random.RandomState(0)
                X = rng.rand(200, 4); y = (X[:, 0] + X[:, 1] > 1).astype(int)
                save("dt", DecisionTreeClassifier(max_depth=3, random_state=0).fit(X, y), X[:5])
                save("rf", RandomForestRegressor(n_estimators=3, max_depth=3, random_state=0).fit(X, X[:, 0]), X[:5])
                save("gb", GradientBoostingClassifier(n_estimators=4, max_depth=2, random_state=0).fit(X, y), X[:5])
                save("hgb", HistGradientBoostingRegressor(max_iter=3, random_state=0).fit(X, X[:, 0]), X[:5])
                """);
    }

    private static Parity.Case named(String name) {
        return cases.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    /** Loads the case's file after applying {@code edit} to its root node. */
    private static void load(String name, UnaryOperator<Node> edit) throws Exception {
        Parity.Case c = named(name);
        Node root = Skops.read(c.model()).root();
        Path out = dir.resolve(name + "-tampered-" + System.nanoTime() + ".skops");
        Skops.write(edit.apply(root), out, WriteOptions.DEFLATED);
        Models.load(out, TrustPolicy.trusting(c.untrusted()));
    }

    // ---- node rewriting ----

    /** Rebuilds {@code n} with {@code f} applied to the first descendant matching {@code match} (depth first). */
    private static Node rewrite(Node n, java.util.function.Predicate<Node> match, UnaryOperator<Node> f, int[] budget) {
        if (budget[0] == 0) {
            return n;
        }
        if (match.test(n)) {
            budget[0]--;
            return f.apply(n);
        }
        return switch (n) {
            case ObjectNode o -> o.attrs() == null ? o
                    : new ObjectNode(o.className(), o.module(), o.id(), rewrite(o.attrs(), match, f, budget));
            case DictNode d -> {
                List<DictNode.Entry> es = new ArrayList<>();
                for (DictNode.Entry e : d.entries()) {
                    es.add(new DictNode.Entry(e.key(), rewrite(e.value(), match, f, budget)));
                }
                yield new DictNode(d.className(), d.module(), d.id(), es, d.keyTypes());
            }
            case TreeNode t -> new TreeNode(t.className(), t.module(), t.id(), t.args(),
                    rewrite(t.state(), match, f, budget));
            case ListNode l -> new ListNode(l.className(), l.module(), l.id(), items(l.items(), match, f, budget));
            case TupleNode t -> new TupleNode(t.className(), t.module(), t.id(), items(t.items(), match, f, budget));
            case ObjectArrayNode o -> new ObjectArrayNode(o.className(), o.module(), o.id(),
                    items(o.items(), match, f, budget), o.shape());
            default -> n;
        };
    }

    private static List<Node> items(List<Node> in, java.util.function.Predicate<Node> match, UnaryOperator<Node> f,
                                    int[] budget) {
        List<Node> out = new ArrayList<>();
        for (Node n : in) {
            out.add(rewrite(n, match, f, budget));
        }
        return out;
    }

    /** The {@code skip}-th (0-based) sklearn Tree gets its state entry {@code key} replaced. */
    private static UnaryOperator<Node> tree(int skip, String key, UnaryOperator<NpyArray> change) {
        int[] seen = {0};
        return root -> rewrite(root, n -> n instanceof TreeNode && seen[0]++ == skip,
                t -> {
                    TreeNode tn = (TreeNode) t;
                    return new TreeNode(tn.className(), tn.module(), tn.id(), tn.args(),
                            replaceEntry((DictNode) tn.state(), key, change));
                }, new int[]{1});
    }

    private static DictNode replaceEntry(DictNode d, String key, UnaryOperator<NpyArray> change) {
        List<DictNode.Entry> es = new ArrayList<>();
        for (DictNode.Entry e : d.entries()) {
            es.add(e.key().equals(key)
                    ? new DictNode.Entry(key, NdArrayNode.of(change.apply(((NdArrayNode) e.value()).array())))
                    : e);
        }
        return new DictNode(d.className(), d.module(), d.id(), es, d.keyTypes());
    }

    /** A structured array with one integer field of one record set to {@code value}. */
    private static UnaryOperator<NpyArray> setField(int record, String field, long value) {
        return a -> {
            DType.Structured st = (DType.Structured) a.dtype();
            byte[] data = a.rawData().clone();
            int at = record * st.itemSize() + st.offsetOf(field);
            int size = st.field(field).orElseThrow().itemSize();
            ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
            switch (size) {
                case 8 -> b.putLong(at, value);
                case 4 -> b.putInt(at, (int) value);
                default -> data[at] = (byte) value;
            }
            return new NpyArray(a.dtype(), a.shape(), false, data);
        };
    }

    private static long field(NpyArray a, int record, String name) {
        return a.field(name).getLong(record);
    }

    // ---- tests ----

    @Test
    void anUntouchedRewriteStillLoads() throws Exception {
        load("dt", tree(0, "nodes", a -> a));
        load("hgb", root -> root);
    }

    @Test
    void childIndexOutOfRange() {
        assertThatThrownBy(() -> load("dt", tree(0, "nodes", setField(0, "left_child", 999))))
                .isInstanceOf(ModelBuildException.class)
                .hasMessageContaining("root.tree_")
                .hasMessageContaining("node 0 has a child index out of range");
        assertThatThrownBy(() -> load("dt", tree(0, "nodes", setField(0, "right_child", -7))))
                .isInstanceOf(ModelBuildException.class)
                .hasMessageContaining("root.tree_");
    }

    @Test
    void cyclesAndSharedChildren() {
        // node 1 points back at the root: the root cannot be a child
        assertThatThrownBy(() -> load("dt", tree(0, "nodes", setField(1, "left_child", 0))))
                .isInstanceOf(ModelBuildException.class)
                .hasMessageContaining("root.tree_").hasMessageContaining("out of range");
        // a detached cycle: node 1 becomes its own child and the root adopts node 1's left child, so every
        // node still has one parent but node 1 and its right subtree can no longer be reached
        assertThatThrownBy(() -> load("dt", tree(0, "nodes", a -> {
            long grandchild = field(a, 1, "left_child");
            return setField(1, "left_child", 1).apply(setField(0, "left_child", grandchild).apply(a));
        }))).isInstanceOf(ModelBuildException.class)
                .hasMessageContaining("root.tree_").hasMessageContaining("detached cycle");
        // the root's right child is also reached through its left subtree: two parents
        assertThatThrownBy(() -> load("dt", tree(0, "nodes", a -> setField(1, "left_child",
                field(a, 0, "right_child")).apply(a))))
                .isInstanceOf(ModelBuildException.class)
                .hasMessageContaining("root.tree_").hasMessageContaining("parents");
    }

    @Test
    void oneSidedLeaf() {
        assertThatThrownBy(() -> load("dt", tree(0, "nodes", setField(0, "right_child", -1))))
                .isInstanceOf(ModelBuildException.class)
                .hasMessageContaining("node 0 has only one child");
    }

    @Test
    void featureOutOfRange() {
        assertThatThrownBy(() -> load("dt", tree(0, "nodes", setField(0, "feature", 4))))
                .isInstanceOf(ModelBuildException.class)
                .hasMessageContaining("root.tree_").hasMessageContaining("feature 4");
    }

    @Test
    void valuesOfTheWrongShape() {
        assertThatThrownBy(() -> load("dt", tree(0, "values", a -> {
            long[] s = a.shape();
            double[] v = a.toDoubleArray();
            return NpyArray.ofDoubles(new long[]{s[0] - 1, s[1], s[2]},
                    java.util.Arrays.copyOf(v, (int) ((s[0] - 1) * s[1] * s[2])));
        }))).isInstanceOf(ModelBuildException.class)
                .hasMessageContaining("root.tree_.values has shape");
    }

    @Test
    void aBadTreeInsideAnEnsembleIsNamedByItsPath() {
        assertThatThrownBy(() -> load("rf", tree(1, "nodes", setField(0, "left_child", 1_000_000))))
                .isInstanceOf(ModelBuildException.class)
                .hasMessageContaining("root.estimators_[1].tree_");
        assertThatThrownBy(() -> load("gb", tree(2, "nodes", setField(0, "feature", -3))))
                .isInstanceOf(ModelBuildException.class)
                .hasMessageContaining("root.estimators_[2][0].tree_");
    }

    @Test
    void histPredictorNodesAreValidatedToo() {
        int[] seen = {0};
        UnaryOperator<Node> edit = root -> rewrite(root,
                n -> n instanceof ObjectNode o && o.className().equals("TreePredictor") && seen[0]++ == 1,
                p -> {
                    ObjectNode o = (ObjectNode) p;
                    return new ObjectNode(o.className(), o.module(), o.id(),
                            replaceEntry(o.attributes(), "nodes", setField(0, "right", 5000)));
                }, new int[]{1});
        assertThatThrownBy(() -> load("hgb", edit))
                .isInstanceOf(ModelBuildException.class)
                .hasMessageContaining("root._predictors[1][0]")
                .hasMessageContaining("out of range");
    }

    @Test
    void nonFiniteInputsAreRefusedWhereScikitLearnRefusesThem() throws Exception {
        Parity.Case dt = named("dt");
        var tree = Models.load(dt.model(), TrustPolicy.trusting(dt.untrusted()));
        // trees accept NaN (missing values) but not infinity, including values too large for float32
        assertThat(tree.predict(Frame.of(new double[][]{{Double.NaN, 0.5, 0.5, 0.5}})).rows()).isEqualTo(1);
        assertThatThrownBy(() -> tree.predict(Frame.of(new double[][]{{0.5, 1e39, 0.5, 0.5}})))
                .isInstanceOf(ModelInputException.class).hasMessageContaining("column 1")
                .hasMessageContaining("too large for float32");
        Parity.Case gb = named("gb");
        var boost = Models.load(gb.model(), TrustPolicy.trusting(gb.untrusted()));
        assertThatThrownBy(() -> boost.predictProba(Frame.of(new double[][]{{0.5, 0.5, Double.NaN, 0.5}})))
                .isInstanceOf(ModelInputException.class).hasMessageContaining("NaN");
        // HistGradientBoosting takes anything
        Parity.Case hgb = named("hgb");
        var hist = Models.load(hgb.model(), TrustPolicy.trusting(hgb.untrusted()));
        assertThat(hist.predict(Frame.of(new double[][]{{Double.POSITIVE_INFINITY, Double.NaN, 1e300, -1e300}})).rows())
                .isEqualTo(1);
    }

    @Test
    void concurrentCallsAgree() throws Exception {
        Parity.Case rf = named("rf");
        var model = Models.load(rf.model(), TrustPolicy.trusting(rf.untrusted()));
        double[][] rows = new double[5000][4];
        java.util.Random r = new java.util.Random(1);
        for (double[] row : rows) {
            for (int j = 0; j < 4; j++) {
                row[j] = r.nextDouble();
            }
        }
        Frame x = Frame.of(rows);
        Object expected = ((Float64Column) model.predict(x)).values();
        List<java.util.concurrent.Future<double[]>> futures = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> ((Float64Column) model.predict(x)).values()));
            }
            for (var f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        }
    }

    @Test
    void thresholdRoundingIsTheLargestFloatNotAbove() {
        double t = 0.49174235761165619;
        float f = FlatForest.floorFloat(t);
        assertThat((double) f).isLessThanOrEqualTo(t);
        assertThat((double) Math.nextUp(f)).isGreaterThan(t);
        assertThat(FlatForest.floorFloat(1e300)).isEqualTo(Float.MAX_VALUE);
        assertThat(FlatForest.floorFloat(-1e300)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(FlatForest.floorFloat(Double.NaN)).isNaN();
        // the integer keys order like the floats (x <= t), zeros of either sign and infinities included
        float[] special = {0.0f, -0.0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1.5f, -1.5f};
        java.util.Random r = new java.util.Random(7);
        float[] xs = new float[2000];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i < special.length ? special[i] : Float.intBitsToFloat(r.nextInt());
            if (Float.isNaN(xs[i])) {
                xs[i] = 3.0f;
            }
        }
        for (float x : xs) {
            for (int j = 0; j < 200; j++) {
                float th = xs[j];
                int kx = Float.floatToRawIntBits(x);
                kx ^= (kx >> 31) & 0x7FFFFFFF;
                assertThat(kx <= FlatForest.key(th)).as("%s <= %s", x, th).isEqualTo(x <= th);
            }
            int kx = Float.floatToRawIntBits(x);
            assertThat((kx ^ ((kx >> 31) & 0x7FFFFFFF)) <= FlatForest.key(Float.NaN)).isFalse();
        }
        assertThat(HistForest.toUint8(300.0)).isEqualTo(44);
        assertThat(HistForest.toUint8(1e10)).isZero();
    }
}
