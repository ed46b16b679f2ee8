package dev.skiff.runtime.tree;

import dev.skiff.format.json.JsonSyntaxException;
import dev.skiff.format.node.JsonNode;
import dev.skiff.format.node.ListNode;
import dev.skiff.format.node.NdArrayNode;
import dev.skiff.format.node.Node;
import dev.skiff.format.node.ObjectNode;
import dev.skiff.format.node.TupleNode;
import dev.skiff.format.npy.DType;
import dev.skiff.format.npy.NpyArray;
import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.ModelInputException;
import dev.skiff.runtime.build.Attrs;
import dev.skiff.runtime.data.BoolColumn;
import dev.skiff.runtime.data.Column;
import dev.skiff.runtime.data.Columns;
import dev.skiff.runtime.data.Data;
import dev.skiff.runtime.data.Float64Column;
import dev.skiff.runtime.data.Frame;
import dev.skiff.runtime.data.Int64Column;
import dev.skiff.runtime.data.Matrix;
import dev.skiff.runtime.data.StringColumn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code _preprocessor} HistGradientBoosting keeps when it has categorical features (scikit-learn ≥ 1.4):
 * a ColumnTransformer whose "encoder" is an OrdinalEncoder (unknown and missing categories → NaN) over the
 * categorical columns, followed by the numerical columns as float64. Categorical columns come first in the
 * output, as in {@code output_indices_}.
 */
final class HistPreprocessor {
    private final int nIn;
    private final int[] source;          // output column j reads input column source[j]
    private final Encoder[] encoders;    // null: numerical passthrough

    private HistPreprocessor(int nIn, int[] source, Encoder[] encoders) {
        this.nIn = nIn;
        this.source = source;
        this.encoders = encoders;
    }

    int outputs() {
        return source.length;
    }

    /** One categorical column's categories, matched by number or by text. */
    private record Encoder(double[] numeric, Map<String, Integer> text) {
        double encode(double v) {
            if (v != v) {
                return Double.NaN;
            }
            if (numeric != null) {
                for (int i = 0; i < numeric.length; i++) {
                    if (numeric[i] == v) {
                        return i;
                    }
                }
                return Double.NaN;
            }
            return encode(dev.skiff.format.json.PyValues.floatRepr(v));
        }

        double encode(String s) {
            if (s == null) {
                return Double.NaN;
            }
            if (text != null) {
                Integer i = text.get(s);
                return i == null ? Double.NaN : i;
            }
            try {
                return encode(Columns.parseNumber(s, "", 0));
            } catch (ModelInputException e) {
                return Double.NaN; // a string that is no number is an unknown category
            }
        }
    }

    static HistPreprocessor read(Attrs hgb) throws ModelBuildException {
        String path = hgb.pathOf("_preprocessor");
        if (!(hgb.node("_preprocessor") instanceof ObjectNode ct)
                || !ct.className().equals("ColumnTransformer")) {
            throw hgb.error("_preprocessor", "is not a ColumnTransformer");
        }
        Attrs a = new Attrs(ct, path);
        int nIn = Labels.intIn(a, "n_features_in_", 1, Integer.MAX_VALUE - 8);
        List<Node> transformers = a.list("transformers_");
        List<Integer> source = new ArrayList<>();
        List<Encoder> encoders = new ArrayList<>();
        for (int t = 0; t < transformers.size(); t++) {
            String tp = a.pathOf("transformers_") + "[" + t + "]";
            List<Node> tuple = switch (transformers.get(t)) {
                case TupleNode tn -> tn.items();
                case ListNode ln -> ln.items();
                default -> throw new ModelBuildException(tp + ": expected (name, transformer, columns)");
            };
            if (tuple.size() < 3) {
                throw new ModelBuildException(tp + ": expected (name, transformer, columns)");
            }
            Node trans = tuple.get(1);
            int[] cols = columns(tuple.get(2), tp + "[2]", nIn);
            if (trans instanceof JsonNode j) {
                Object v = jsonValue(j, tp + "[1]");
                if ("drop".equals(v)) {
                    continue;
                }
                if (!"passthrough".equals(v)) {
                    throw new ModelBuildException(tp + "[1]: unexpected transformer " + j.json());
                }
                for (int c : cols) {
                    source.add(c);
                    encoders.add(null);
                }
            } else if (trans instanceof ObjectNode o && o.className().equals("OrdinalEncoder")) {
                Attrs enc = new Attrs(o, tp + "[1]");
                List<Node> cats = enc.list("categories_");
                if (cats.size() != cols.length) {
                    throw enc.error("categories_", "has " + cats.size() + " entries for " + cols.length + " columns");
                }
                for (int i = 0; i < cols.length; i++) {
                    source.add(cols[i]);
                    encoders.add(encoder(cats.get(i), enc.pathOf("categories_") + "[" + i + "]"));
                }
            } else if (trans instanceof ObjectNode o && o.className().equals("FunctionTransformer")) {
                for (int c : cols) {
                    source.add(c);
                    encoders.add(null);
                }
            } else {
                throw new ModelBuildException(tp + "[1]: unexpected transformer " + trans.typeName()
                        + " in HistGradientBoosting's preprocessor");
            }
        }
        return new HistPreprocessor(nIn, source.stream().mapToInt(Integer::intValue).toArray(),
                encoders.toArray(new Encoder[0]));
    }

    private static Encoder encoder(Node n, String path) throws ModelBuildException {
        Column c = Attrs.labels(n, path);
        return switch (c) {
            case Float64Column f -> new Encoder(f.values().clone(), null);
            case Int64Column l -> {
                double[] d = new double[l.size()];
                for (int i = 0; i < d.length; i++) {
                    d[i] = l.values()[i];
                }
                yield new Encoder(d, null);
            }
            case BoolColumn b -> new Encoder(boolValues(b), null);
            case StringColumn s -> {
                Map<String, Integer> m = new HashMap<>();
                for (int i = 0; i < s.size(); i++) {
                    if (s.values()[i] != null) {
                        m.putIfAbsent(s.values()[i], i);
                    }
                }
                yield new Encoder(null, m);
            }
        };
    }

    private static double[] boolValues(BoolColumn b) {
        double[] d = new double[b.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = b.values()[i] ? 1 : 0;
        }
        return d;
    }

    private static int[] columns(Node n, String path, int nIn) throws ModelBuildException {
        List<Integer> out = new ArrayList<>();
        if (n instanceof NdArrayNode a) {
            NpyArray arr = a.array();
            char kind = arr.dtype() instanceof DType.Scalar s ? s.kind() : 'V';
            if (kind == 'b') {
                boolean[] mask = arr.toBooleanArray();
                if (mask.length != nIn) {
                    throw new ModelBuildException(path + ": a mask of " + mask.length + " for " + nIn + " columns");
                }
                for (int i = 0; i < mask.length; i++) {
                    if (mask[i]) {
                        out.add(i);
                    }
                }
            } else if (kind == 'i' || kind == 'u') {
                for (long v : arr.toLongArray()) {
                    out.add(index(v, path, nIn));
                }
            } else {
                throw new ModelBuildException(path + ": unsupported column selection " + arr.dtype().descrLiteral());
            }
        } else if (n instanceof ListNode l) {
            boolean allBool = true;
            List<Object> vals = new ArrayList<>();
            for (Node item : l.items()) {
                Object v = item instanceof JsonNode j ? jsonValue(j, path) : null;
                vals.add(v);
                allBool &= v instanceof Boolean;
            }
            for (int i = 0; i < vals.size(); i++) {
                Object v = vals.get(i);
                if (allBool && !vals.isEmpty()) {
                    if ((Boolean) v) {
                        out.add(i);
                    }
                } else if (v instanceof Long x) {
                    out.add(index(x, path, nIn));
                } else {
                    throw new ModelBuildException(path + ": unsupported column selection " + v);
                }
            }
        } else {
            throw new ModelBuildException(path + ": unsupported column selection " + n.typeName());
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int index(long v, String path, int nIn) throws ModelBuildException {
        if (v < 0 || v >= nIn) {
            throw new ModelBuildException(path + ": column " + v + " is outside [0, " + nIn + ")");
        }
        return (int) v;
    }

    private static Object jsonValue(JsonNode j, String path) throws ModelBuildException {
        try {
            return j.value();
        } catch (JsonSyntaxException e) {
            throw new ModelBuildException(path + ": " + e.getMessage());
        }
    }

    /** The preprocessed rows, row-major float64. */
    Matrix apply(Data x) {
        if (x.cols() != nIn) {
            throw new ModelInputException("HistGradientBoosting expects " + nIn + " features, got " + x.cols());
        }
        int n = x.rows();
        int m = source.length;
        double[] out = new double[Math.multiplyExact(n, m)];
        Frame f = x instanceof Frame fr ? fr : null;
        Matrix mx = x instanceof Matrix mm ? mm : null;
        for (int j = 0; j < m; j++) {
            int src = source[j];
            Encoder e = encoders[j];
            if (mx != null) {
                for (int i = 0; i < n; i++) {
                    double v = mx.get(i, src);
                    out[i * m + j] = e == null ? v : e.encode(v);
                }
                continue;
            }
            Column c = f.column(src);
            String name = f.names().get(src);
            if (e == null) {
                double[] v = Columns.toDoubles(name, c);
                for (int i = 0; i < n; i++) {
                    out[i * m + j] = v[i];
                }
            } else {
                encodeColumn(e, c, out, j, m);
            }
        }
        return new Matrix(out, n, m);
    }

    /** A number read from text, against string categories: as the input spelled it, else as Python prints it. */
    private static double encodeText(Encoder e, Column c, int i) {
        double v = e.encode(c.sourceText(i));
        return v == v || c.sourceText(i).equals(c.text(i)) ? v : e.encode(c.text(i));
    }

    private static void encodeColumn(Encoder e, Column c, double[] out, int j, int m) {
        int n = c.size();
        for (int i = 0; i < n; i++) {
            double v;
            if (c.isMissing(i)) {
                v = Double.NaN;
            } else {
                v = switch (c) {
                    case Float64Column f -> e.numeric != null || f.source() == null ? e.encode(f.values()[i])
                            : encodeText(e, f, i);
                    case Int64Column l -> e.numeric != null ? e.encode((double) l.values()[i]) : encodeText(e, l, i);
                    case BoolColumn b -> e.numeric != null ? e.encode(b.values()[i] ? 1.0 : 0.0) : e.encode(c.text(i));
                    case StringColumn s -> e.encode(Columns.MISSING_TOKENS.contains(s.values()[i].strip())
                            ? null : s.values()[i]);
                };
            }
            out[i * m + j] = v;
        }
    }
}
