package dev.skiff.runtime.build;

import dev.skiff.format.json.JsonSyntaxException;
import dev.skiff.format.node.DictNode;
import dev.skiff.format.node.JsonNode;
import dev.skiff.format.node.ListNode;
import dev.skiff.format.node.NdArrayNode;
import dev.skiff.format.node.Node;
import dev.skiff.format.node.ObjectArrayNode;
import dev.skiff.format.node.ObjectNode;
import dev.skiff.format.node.Paths;
import dev.skiff.format.node.TupleNode;
import dev.skiff.format.npy.DType;
import dev.skiff.format.npy.NpyArray;
import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.data.BoolColumn;
import dev.skiff.runtime.data.Column;
import dev.skiff.runtime.data.Float64Column;
import dev.skiff.runtime.data.Int64Column;
import dev.skiff.runtime.data.StringColumn;

import java.util.ArrayList;
import java.util.List;

/**
 * Typed access to a fitted object's attributes ({@code coef_}, {@code classes_}, hyper-parameters), with
 * errors that name the attribute and its node path. One per object being built.
 */
public final class Attrs {
    private final ObjectNode node;
    private final DictNode dict;
    private final String path;

    public Attrs(ObjectNode node, String path) throws ModelBuildException {
        this.node = node;
        this.path = path;
        if (node.attrs() != null && !(node.attrs() instanceof DictNode)) {
            throw new ModelBuildException(path + ": the state of " + node.typeName() + " is not a dict");
        }
        this.dict = (DictNode) node.attrs();
    }

    public ObjectNode node() {
        return node;
    }

    public String path() {
        return path;
    }

    public String pythonClass() {
        return node.typeName();
    }

    /** The path of an attribute, for messages and nested builds. */
    public String pathOf(String name) {
        return path + Paths.key(name);
    }

    public boolean has(String name) {
        return dict != null && dict.get(name) != null;
    }

    /** True when the attribute is absent or Python's None. */
    public boolean isNone(String name) throws ModelBuildException {
        Node n = dict == null ? null : dict.get(name);
        return n == null || (n instanceof JsonNode j && value(j, name) == null);
    }

    public Node node(String name) throws ModelBuildException {
        Node n = dict == null ? null : dict.get(name);
        if (n == null) {
            throw error(name, "is missing (was the estimator fitted?)");
        }
        return n;
    }

    /** A Python primitive: null, Boolean, String, Long/BigInteger, Double. numpy scalars are unwrapped. */
    public Object value(String name) throws ModelBuildException {
        Node n = node(name);
        return switch (n) {
            case JsonNode j -> value(j, name);
            case NdArrayNode a when a.array().ndim() == 0 -> scalar(a.array());
            default -> throw error(name, "is a " + n.typeName() + ", expected a plain value");
        };
    }

    private Object value(JsonNode j, String name) throws ModelBuildException {
        try {
            return j.value();
        } catch (JsonSyntaxException e) {
            throw error(name, "holds invalid JSON: " + e.getMessage());
        }
    }

    private static Object scalar(NpyArray a) {
        return switch (((DType.Scalar) a.dtype()).kind()) {
            case 'b' -> a.getBoolean(0);
            case 'i', 'u' -> a.getLong(0);
            case 'f' -> a.getDouble(0);
            case 'U', 'S' -> a.getString(0);
            default -> a.getDouble(0);
        };
    }

    public String string(String name) throws ModelBuildException {
        Object v = value(name);
        if (v instanceof String s) {
            return s;
        }
        throw error(name, "is " + v + ", expected a string");
    }

    /** A string, or {@code fallback} when absent or None. */
    public String string(String name, String fallback) throws ModelBuildException {
        return isNone(name) ? fallback : string(name);
    }

    public double number(String name) throws ModelBuildException {
        Object v = value(name);
        if (v instanceof Number x) {
            return x.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw error(name, "is " + v + ", expected a number");
    }

    public long integer(String name) throws ModelBuildException {
        Object v = value(name);
        if (v instanceof Long || v instanceof Integer) {
            return ((Number) v).longValue();
        }
        if (v instanceof Double d && d == Math.rint(d)) {
            return d.longValue();
        }
        throw error(name, "is " + v + ", expected an integer");
    }

    public boolean bool(String name) throws ModelBuildException {
        Object v = value(name);
        if (v instanceof Boolean b) {
            return b;
        }
        throw error(name, "is " + v + ", expected True or False");
    }

    public boolean bool(String name, boolean fallback) throws ModelBuildException {
        return isNone(name) ? fallback : bool(name);
    }

    public NpyArray array(String name) throws ModelBuildException {
        Node n = node(name);
        if (n instanceof NdArrayNode a) {
            return a.array();
        }
        throw error(name, "is a " + n.typeName() + ", expected a numpy array");
    }

    /** A numeric array (any shape) as doubles in C order; a number is a one-element array. */
    public double[] doubles(String name) throws ModelBuildException {
        Node n = node(name);
        if (n instanceof JsonNode) {
            return new double[]{number(name)};
        }
        NpyArray a = array(name);
        try {
            return a.toDoubleArray();
        } catch (RuntimeException e) {
            throw error(name, "is not numeric (" + a.dtype().descrLiteral() + ")");
        }
    }

    public long[] longs(String name) throws ModelBuildException {
        NpyArray a = array(name);
        try {
            return a.toLongArray();
        } catch (RuntimeException e) {
            throw error(name, "is not an integer array (" + a.dtype().descrLiteral() + ")");
        }
    }

    /** A 2-d numeric array as rows. */
    public double[][] matrix(String name) throws ModelBuildException {
        NpyArray a = array(name);
        long[] s = a.shape();
        if (s.length != 2) {
            throw error(name, "has shape " + java.util.Arrays.toString(s) + ", expected 2 dimensions");
        }
        double[] flat = doubles(name);
        int r = (int) s[0];
        int c = (int) s[1];
        double[][] out = new double[r][c];
        for (int i = 0; i < r; i++) {
            System.arraycopy(flat, i * c, out[i], 0, c);
        }
        return out;
    }

    /** Items of a list or tuple attribute. */
    public List<Node> list(String name) throws ModelBuildException {
        Node n = node(name);
        return switch (n) {
            case ListNode l -> l.items();
            case TupleNode t -> t.items();
            case ObjectArrayNode o -> o.items();
            case NdArrayNode a -> {
                List<Node> out = new ArrayList<>();
                for (long i = 0; i < a.array().size(); i++) {
                    out.add(new NdArrayNode("ndarray", "numpy", 0, element(a.array(), i)));
                }
                yield out;
            }
            default -> throw error(name, "is a " + n.typeName() + ", expected a list");
        };
    }

    private static NpyArray element(NpyArray a, long i) {
        return switch (((DType.Scalar) a.dtype()).kind()) {
            case 'U', 'S' -> NpyArray.scalar(a.getString(i));
            case 'b' -> NpyArray.scalar(a.getBoolean(i));
            case 'i', 'u' -> NpyArray.scalar(a.getLong(i));
            default -> NpyArray.scalar(a.getDouble(i));
        };
    }

    /** A label array ({@code classes_}, {@code categories_[i]}) as a typed column. */
    public Column labels(String name) throws ModelBuildException {
        return labels(node(name), pathOf(name));
    }

    /** Labels from a node: numpy arrays keep their dtype, object arrays become strings or numbers. */
    public static Column labels(Node n, String where) throws ModelBuildException {
        if (n instanceof NdArrayNode a) {
            NpyArray arr = a.array();
            char kind = arr.dtype() instanceof DType.Scalar s ? s.kind() : 'V';
            return switch (kind) {
                case 'i', 'u' -> new Int64Column(arr.toLongArray());
                case 'f' -> new Float64Column(arr.toDoubleArray());
                case 'b' -> new BoolColumn(arr.toBooleanArray());
                case 'U', 'S' -> new StringColumn(arr.toStringArray());
                default -> throw new ModelBuildException(where + ": labels of dtype " + arr.dtype().descrLiteral()
                        + " are not supported");
            };
        }
        if (n instanceof ObjectArrayNode o) {
            List<Object> vals = new ArrayList<>();
            for (Node item : o.items()) {
                if (!(item instanceof JsonNode j)) {
                    throw new ModelBuildException(where + ": object-array labels must be plain values, found "
                            + item.typeName());
                }
                try {
                    vals.add(j.value());
                } catch (JsonSyntaxException e) {
                    throw new ModelBuildException(where + ": invalid label: " + e.getMessage());
                }
            }
            boolean allStrings = vals.stream().allMatch(v -> v == null || v instanceof String);
            if (allStrings) {
                return new StringColumn(vals.stream().map(v -> (String) v).toArray(String[]::new));
            }
            boolean allInts = vals.stream().allMatch(v -> v instanceof Long);
            if (allInts) {
                return new Int64Column(vals.stream().mapToLong(v -> (Long) v).toArray());
            }
            return new StringColumn(vals.stream().map(v -> v == null ? null : String.valueOf(v)).toArray(String[]::new));
        }
        throw new ModelBuildException(where + ": expected an array of labels, found " + n.typeName());
    }

    /** The scikit-learn version that fitted this object, or "" when not recorded. */
    public String sklearnVersion() throws ModelBuildException {
        return has("_sklearn_version") ? string("_sklearn_version") : "";
    }

    public ModelBuildException error(String name, String what) {
        return new ModelBuildException(pathOf(name) + " (" + node.typeName() + "." + name + ") " + what);
    }
}
