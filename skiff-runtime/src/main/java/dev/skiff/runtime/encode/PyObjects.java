package dev.skiff.runtime.encode;

import dev.skiff.format.json.JsonSyntaxException;
import dev.skiff.format.json.PyValues;
import dev.skiff.format.node.DTypeNode;
import dev.skiff.format.node.JsonNode;
import dev.skiff.format.node.ListNode;
import dev.skiff.format.node.NdArrayNode;
import dev.skiff.format.node.Node;
import dev.skiff.format.node.ObjectArrayNode;
import dev.skiff.format.node.TupleNode;
import dev.skiff.format.node.TypeNode;
import dev.skiff.format.npy.DType;
import dev.skiff.format.npy.NpyArray;
import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.build.Attrs;
import dev.skiff.runtime.data.Column;
import dev.skiff.runtime.data.StringColumn;

import java.util.ArrayList;
import java.util.List;

/**
 * Reading small Python values out of fitted state (plain values, object arrays, numpy dtypes) and printing
 * them the way Python's {@code str()} does. Shared by the encode, impute and compose packages.
 */
public final class PyObjects {
    private PyObjects() {
    }

    /** {@code feature_names_in_} as a list, or null when the estimator was not fitted on a DataFrame. */
    public static List<String> featureNames(Attrs a) throws ModelBuildException {
        if (a.isNone("feature_names_in_")) {
            return null;
        }
        Column c = a.labels("feature_names_in_");
        if (!(c instanceof StringColumn s)) {
            throw a.error("feature_names_in_", "is not an array of strings");
        }
        return List.of(s.values());
    }

    /** {@code n_features_in_}, or -1 when absent. */
    public static int nFeatures(Attrs a) throws ModelBuildException {
        return a.isNone("n_features_in_") ? -1 : Math.toIntExact(a.integer("n_features_in_"));
    }

    /**
     * One Python scalar: null (None), Boolean, String, Long, Double (NaN included). numpy scalars and 0-d
     * arrays are unwrapped.
     */
    public static Object scalar(Node n, String where) throws ModelBuildException {
        return switch (n) {
            case JsonNode j -> {
                try {
                    Object v = j.value();
                    if (v instanceof java.math.BigInteger b) {
                        throw new ModelBuildException(where + ": integer " + b + " does not fit in 64 bits");
                    }
                    if (v instanceof List<?> || v instanceof java.util.Map<?, ?>) {
                        throw new ModelBuildException(where + ": expected a scalar, found " + j.json());
                    }
                    yield v;
                } catch (JsonSyntaxException e) {
                    throw new ModelBuildException(where + ": " + e.getMessage());
                }
            }
            case NdArrayNode a when a.array().size() == 1 -> element(a.array(), 0);
            default -> throw new ModelBuildException(where + ": expected a scalar, found " + n.typeName());
        };
    }

    /** The items of a 1-d array or list as Python scalars (see {@link #scalar}). */
    public static List<Object> scalars(Node n, String where) throws ModelBuildException {
        List<Object> out = new ArrayList<>();
        switch (n) {
            case NdArrayNode a -> {
                if (a.array().ndim() > 1) {
                    throw new ModelBuildException(where + ": expected a 1-d array, found shape "
                            + java.util.Arrays.toString(a.array().shape()));
                }
                for (long i = 0; i < a.array().size(); i++) {
                    out.add(element(a.array(), i));
                }
            }
            case ObjectArrayNode o -> {
                for (int i = 0; i < o.items().size(); i++) {
                    out.add(scalar(o.items().get(i), where + "[" + i + "]"));
                }
            }
            case ListNode l -> {
                for (int i = 0; i < l.items().size(); i++) {
                    out.add(scalar(l.items().get(i), where + "[" + i + "]"));
                }
            }
            case TupleNode t -> {
                for (int i = 0; i < t.items().size(); i++) {
                    out.add(scalar(t.items().get(i), where + "[" + i + "]"));
                }
            }
            default -> throw new ModelBuildException(where + ": expected an array, found " + n.typeName());
        }
        return out;
    }

    /** Items of a list, tuple or object array node, or null when the node is not a sequence. */
    public static List<Node> items(Node n) {
        return switch (n) {
            case ListNode l -> l.items();
            case TupleNode t -> t.items();
            case ObjectArrayNode o -> o.items();
            default -> null;
        };
    }

    /** True for Python None given as a JSON null. */
    public static boolean isNone(Node n) {
        if (n instanceof JsonNode j) {
            try {
                return j.value() == null;
            } catch (JsonSyntaxException e) {
                return false;
            }
        }
        return false;
    }

    /** Integer values of a list or array (None entries are not allowed). */
    public static int[] ints(Node n, String where) throws ModelBuildException {
        List<Object> vals = scalars(n, where);
        int[] out = new int[vals.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toInt(vals.get(i), where + "[" + i + "]");
        }
        return out;
    }

    static int toInt(Object v, String where) throws ModelBuildException {
        if (v instanceof Long l) {
            return Math.toIntExact(l);
        }
        if (v instanceof Double d && d == Math.rint(d)) {
            return (int) (double) d;
        }
        if (v instanceof Boolean) {
            throw new ModelBuildException(where + ": expected an integer, found a boolean");
        }
        throw new ModelBuildException(where + ": expected an integer, found " + v);
    }

    private static Object element(NpyArray a, long i) {
        char kind = a.dtype() instanceof DType.Scalar s ? s.kind() : 'V';
        return switch (kind) {
            case 'b' -> a.getBoolean(i);
            case 'i', 'u' -> a.getLong(i);
            case 'U', 'S' -> a.getString(i);
            default -> a.getDouble(i);
        };
    }

    /**
     * The numpy kind of a dtype given as a class ({@code numpy.float64}, {@code builtins.int}) or a
     * {@code numpy.dtype}: 'f', 'i', 'u', 'b', 'O', 'U' or 'c'.
     */
    public static char dtypeKind(Node n, String where) throws ModelBuildException {
        switch (n) {
            case TypeNode t -> {
                String name = t.className();
                if (name.startsWith("float") || name.equals("double") || name.equals("longdouble")
                        || name.equals("half") || name.equals("single")) {
                    return 'f';
                }
                if (name.startsWith("uint") || name.startsWith("ulong") || name.startsWith("ushort")
                        || name.equals("ubyte") || name.equals("uintc") || name.equals("uintp")) {
                    return 'u';
                }
                if (name.startsWith("int") || name.equals("long") || name.equals("longlong")
                        || name.equals("short") || name.equals("byte") || name.equals("intc") || name.equals("intp")) {
                    return 'i';
                }
                if (name.equals("bool") || name.equals("bool_")) {
                    return 'b';
                }
                if (name.equals("object") || name.equals("object_")) {
                    return 'O';
                }
                if (name.equals("str") || name.equals("str_")) {
                    return 'U';
                }
                if (name.startsWith("complex")) {
                    return 'c';
                }
                throw new ModelBuildException(where + ": unsupported dtype " + t.typeName());
            }
            case DTypeNode d -> {
                Node c = d.content();
                if (c instanceof ObjectArrayNode) {
                    return 'O';
                }
                if (c instanceof NdArrayNode a && a.array().dtype() instanceof DType.Scalar s) {
                    return s.kind();
                }
                throw new ModelBuildException(where + ": unsupported dtype node " + c.typeName());
            }
            case JsonNode j -> {
                Object v = scalar(j, where);
                if (v instanceof String s) {
                    String t = s.replace("<", "").replace(">", "").replace("=", "").replace("|", "");
                    if (!t.isEmpty()) {
                        char k = t.charAt(0);
                        if ("fiubOUc".indexOf(k) >= 0) {
                            return k;
                        }
                    }
                    return switch (s) {
                        case "float", "float64", "float32", "double" -> 'f';
                        case "int", "int64", "int32", "int16", "int8" -> 'i';
                        case "bool" -> 'b';
                        case "object" -> 'O';
                        default -> throw new ModelBuildException(where + ": unsupported dtype \"" + s + "\"");
                    };
                }
                throw new ModelBuildException(where + ": unsupported dtype " + j.json());
            }
            default -> throw new ModelBuildException(where + ": unsupported dtype " + n.typeName());
        }
    }

    /** Python's {@code str()} of a scalar: {@code 1.0}, {@code 1}, {@code True}, {@code None}, {@code nan}. */
    public static String str(Object v) {
        return switch (v) {
            case null -> "None";
            case Double d when Double.isNaN(d) -> "nan";
            case Double d when Double.isInfinite(d) -> d > 0 ? "inf" : "-inf";
            case Double d -> PyValues.floatRepr(d);
            case Boolean b -> b ? "True" : "False";
            default -> v.toString();
        };
    }

    /** Python's {@code repr()} of a scalar, for messages: strings quoted. */
    public static String repr(Object v) {
        return v instanceof String s ? "'" + s + "'" : str(v);
    }

    /** True for a float NaN (Python's {@code is_scalar_nan}); None is not NaN. */
    public static boolean isNaN(Object v) {
        return v instanceof Double d && Double.isNaN(d);
    }
}
