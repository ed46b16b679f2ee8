package dev.skiff.runtime.compose;

import dev.skiff.format.json.PyValues;
import dev.skiff.format.node.DictNode;
import dev.skiff.format.node.JsonNode;
import dev.skiff.format.node.NdArrayNode;
import dev.skiff.format.node.Node;
import dev.skiff.format.node.ObjectNode;
import dev.skiff.format.node.Paths;
import dev.skiff.format.node.SliceNode;
import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.ModelInputException;
import dev.skiff.runtime.build.Attrs;
import dev.skiff.runtime.build.BuildContext;
import dev.skiff.runtime.data.Data;
import dev.skiff.runtime.data.Frame;
import dev.skiff.runtime.encode.PyObjects;
import dev.skiff.runtime.estimator.Estimator;
import dev.skiff.runtime.estimator.Inputs;
import dev.skiff.runtime.estimator.Method;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code sklearn.compose.ColumnTransformer}: each fitted transformer in {@code transformers_} (the remainder
 * included, under the name "remainder") gets its columns of the input, and the outputs are stacked side by
 * side in {@code transformers_} order. Columns come from the fitted {@code _transformer_to_input_indices}
 * (which already resolves names, boolean masks, slices and {@code make_column_selector} callables); for
 * files without it the column specification itself is resolved. "drop" and empty selections contribute
 * nothing; "passthrough" (stored by scikit-learn as an identity FunctionTransformer) hands the columns on.
 * Sparse output is returned dense.
 */
public final class ColumnTransformer implements Estimator {
    public static final String CLASS = "sklearn.compose._column_transformer.ColumnTransformer";
    static final String FUNCTION_TRANSFORMER = "sklearn.preprocessing._function_transformer.FunctionTransformer";

    /** One active transformer: its name, estimator (null = passthrough), input columns and weight. */
    record Branch(String name, Estimator estimator, int[] columns, Number weight) {
    }

    private final List<Branch> branches;
    private final List<String> featureNames;
    private final int nFeatures;
    private final boolean sparse;

    private ColumnTransformer(List<Branch> branches, List<String> featureNames, int nFeatures, boolean sparse) {
        this.branches = List.copyOf(branches);
        this.featureNames = featureNames == null ? null : List.copyOf(featureNames);
        this.nFeatures = nFeatures;
        this.sparse = sparse;
    }

    static ColumnTransformer build(Attrs a, BuildContext ctx) throws ModelBuildException {
        List<String> names = PyObjects.featureNames(a);
        int nFeatures = PyObjects.nFeatures(a);
        if (nFeatures < 0) {
            nFeatures = names == null ? -1 : names.size();
        }
        if (nFeatures < 0) {
            throw a.error("n_features_in_", "is missing (was the estimator fitted?)");
        }
        Map<String, Node> indices = null;
        if (a.has("_transformer_to_input_indices") && a.node("_transformer_to_input_indices") instanceof DictNode d) {
            indices = d.asMap();
        }
        Map<String, Number> weights = Weights.read(a);
        List<Node> items = Steps.items(a.node("transformers_"), a.pathOf("transformers_"));
        List<Branch> branches = new ArrayList<>();
        for (int t = 0; t < items.size(); t++) {
            String p = a.pathOf("transformers_") + Paths.index(t);
            List<Node> tuple = Steps.items(items.get(t), p);
            if (tuple.size() != 3) {
                throw new ModelBuildException(p + ": expected (name, transformer, columns), found " + tuple.size()
                        + " items");
            }
            String name = Steps.text(tuple.get(0), p + "[0]");
            Node trans = tuple.get(1);
            int[] cols;
            if (indices != null && indices.containsKey(name)) {
                cols = PyObjects.ints(indices.get(name), a.pathOf("_transformer_to_input_indices") + Paths.key(name));
            } else {
                cols = resolve(tuple.get(2), p + "[2]", names, nFeatures);
            }
            for (int c : cols) {
                if (c < 0 || c >= nFeatures) {
                    throw new ModelBuildException(p + ": column " + c + " is outside the " + nFeatures + " input features");
                }
            }
            if (trans instanceof JsonNode j) {
                Object v = Steps.value(j, p + "[1]");
                if ("drop".equals(v)) {
                    continue;
                }
                if (!"passthrough".equals(v)) {
                    throw new ModelBuildException(p + "[1]: unexpected transformer " + j.json());
                }
                if (cols.length > 0) {
                    branches.add(new Branch(name, null, cols, weights.get(name)));
                }
                continue;
            }
            if (cols.length == 0) {
                continue; // scikit-learn skips transformers with no columns (they stay unfitted)
            }
            Estimator e = identity(trans) ? null : ctx.build(trans, p + "[1]");
            if (e != null && !e.methods().contains(Method.TRANSFORM)) {
                throw new ModelBuildException(p + "[1]: " + e.pythonClass() + " cannot transform");
            }
            branches.add(new Branch(name, e, cols, weights.get(name)));
        }
        boolean sparse = a.bool("sparse_output_", false);
        return new ColumnTransformer(branches, names, nFeatures, sparse);
    }

    /** A FunctionTransformer without a function: how scikit-learn stores "passthrough" once fitted. */
    static boolean identity(Node trans) throws ModelBuildException {
        if (trans instanceof ObjectNode o && FUNCTION_TRANSFORMER.equals(o.typeName())) {
            Node func = o.attr("func");
            return func == null || PyObjects.isNone(func);
        }
        return false;
    }

    /** Column indices from a column specification (names, indices, a boolean mask or a slice). */
    static int[] resolve(Node spec, String where, List<String> names, int nFeatures) throws ModelBuildException {
        if (spec instanceof SliceNode s) {
            return slice(s, where, names, nFeatures);
        }
        List<Object> vals;
        if (spec instanceof JsonNode || (spec instanceof NdArrayNode a && a.array().ndim() == 0)) {
            vals = List.of(PyObjects.scalar(spec, where));
        } else if (PyObjects.items(spec) != null || spec instanceof NdArrayNode) {
            vals = PyObjects.scalars(spec, where);
        } else {
            throw new ModelBuildException(where + ": cannot resolve the column selection " + spec.typeName()
                    + " (a callable needs the fitted _transformer_to_input_indices)");
        }
        if (!vals.isEmpty() && vals.stream().allMatch(v -> v instanceof Boolean)) {
            if (vals.size() != nFeatures) {
                throw new ModelBuildException(where + ": a boolean mask of " + vals.size() + " for " + nFeatures
                        + " features");
            }
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < vals.size(); i++) {
                if ((Boolean) vals.get(i)) {
                    out.add(i);
                }
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }
        int[] out = new int[vals.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = vals.get(i);
            if (v instanceof String s) {
                out[i] = nameIndex(s, names, where);
            } else if (v instanceof Long l) {
                out[i] = (int) (l < 0 ? l + nFeatures : l);
            } else {
                throw new ModelBuildException(where + ": unsupported column " + PyObjects.repr(v));
            }
        }
        return out;
    }

    private static int nameIndex(String s, List<String> names, String where) throws ModelBuildException {
        int j = names == null ? -1 : names.indexOf(s);
        if (j < 0) {
            throw new ModelBuildException(where + ": column \"" + s + "\" is not among the fitted feature names "
                    + names);
        }
        return j;
    }

    private static int[] slice(SliceNode s, String where, List<String> names, int n) throws ModelBuildException {
        Object start = s.start() == null ? null : PyValues.toJava(s.start());
        Object stop = s.stop() == null ? null : PyValues.toJava(s.stop());
        Object step = s.step() == null ? null : PyValues.toJava(s.step());
        for (Object v : new Object[]{start, stop, step}) {
            if (v != null && !(v instanceof Long) && !(v instanceof String)) {
                throw new ModelBuildException(where + ": unsupported slice bound " + PyObjects.repr(v));
            }
        }
        if (step instanceof String) {
            throw new ModelBuildException(where + ": a slice step must be an integer");
        }
        long st = step == null ? 1 : (Long) step;
        if (st != 1) {
            if (start instanceof String || stop instanceof String) {
                throw new ModelBuildException(where + ": a label slice with a step is not supported");
            }
        }
        long lo;
        long hi;
        if (start instanceof String || stop instanceof String) {
            // label slices include their stop, as in pandas .loc
            lo = start == null ? 0 : nameIndex((String) start, names, where);
            hi = stop == null ? n : nameIndex((String) stop, names, where) + 1;
        } else {
            lo = start == null ? (st > 0 ? 0 : n - 1) : norm((Long) start, n, st);
            hi = stop == null ? (st > 0 ? n : -1) : norm((Long) stop, n, st);
        }
        List<Integer> out = new ArrayList<>();
        if (st > 0) {
            for (long i = lo; i < hi; i += st) {
                out.add((int) i);
            }
        } else if (st < 0) {
            for (long i = lo; i > hi; i += st) {
                out.add((int) i);
            }
        } else {
            throw new ModelBuildException(where + ": slice step cannot be zero");
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Python's slice bound normalisation. */
    private static long norm(long v, int n, long step) {
        if (v < 0) {
            v += n;
            if (v < 0) {
                v = step > 0 ? 0 : -1;
            }
        } else if (v >= n) {
            v = step > 0 ? n : n - 1;
        }
        return v;
    }

    @Override
    public String pythonClass() {
        return CLASS;
    }

    @Override
    public Set<Method> methods() {
        return EnumSet.of(Method.TRANSFORM);
    }

    @Override
    public Data transform(Data x) {
        Frame f = Inputs.frame(x);
        f = arrange(f);
        List<Hstack.Part> parts = new ArrayList<>(branches.size());
        for (Branch b : branches) {
            Frame sub = f.select(b.columns());
            Data out = b.estimator() == null ? sub : b.estimator().transform(sub);
            parts.add(new Hstack.Part(b.name(), out, b.weight()));
        }
        return Hstack.stack("ColumnTransformer", parts, f.rows(), sparse);
    }

    /** The input's columns in fitted order: by name for a named frame, else by position. */
    private Frame arrange(Frame f) {
        if (featureNames != null && !f.isPositional()) {
            int[] idx = new int[featureNames.size()];
            List<String> missing = new ArrayList<>();
            for (int j = 0; j < idx.length; j++) {
                idx[j] = f.indexOf(featureNames.get(j));
                if (idx[j] < 0) {
                    missing.add(featureNames.get(j));
                }
            }
            if (missing.isEmpty()) {
                return f.select(idx);
            }
            if (f.cols() != nFeatures) {
                throw new ModelInputException("ColumnTransformer: missing column(s) " + missing + "; it was fitted on "
                        + featureNames);
            }
        }
        if (f.cols() != nFeatures) {
            throw new ModelInputException("ColumnTransformer expects " + nFeatures + " features, got " + f.cols());
        }
        return f;
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
