package dev.skiff.runtime.preprocessing;

import dev.skiff.format.json.JsonSyntaxException;
import dev.skiff.format.node.JsonNode;
import dev.skiff.format.node.ListNode;
import dev.skiff.format.node.NdArrayNode;
import dev.skiff.format.node.Node;
import dev.skiff.format.node.TupleNode;
import dev.skiff.format.npy.NpyArray;
import dev.skiff.runtime.ModelBuildException;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;

/**
 * The element-wise functions a FunctionTransformer may hold, by the name skops records ({@code __name__} of a
 * numpy ufunc or function, or of a {@code scipy.special} ufunc), each as Java computes it.
 *
 * <p>Exact (bit for bit): {@code sqrt}, {@code absolute}/{@code fabs}, {@code negative}, {@code positive},
 * {@code square}, {@code reciprocal}, {@code sign}, {@code floor}, {@code ceil}, {@code trunc}/{@code fix},
 * {@code rint}, {@code deg2rad}/{@code radians}, {@code rad2deg}/{@code degrees}, {@code round}/{@code around}
 * (numpy's {@code rint(x * 10^d) / 10^d}), {@code clip}. The transcendental ones use {@link Math}: numpy runs
 * glibc's libm or its own SIMD kernels (≤ 4 ulp), Java's are within 1–2 ulp of the true value, so the two can
 * differ in the last bits (relative ~1e-15, far inside the 1e-9 parity tolerance). {@code arcsinh},
 * {@code arccosh}, {@code arctanh} (absent from {@link Math}) follow fdlibm's formulas, as glibc does;
 * {@code log2} is {@code log(x) / ln 2}, exact on powers of two; {@code exp2} is {@code pow(2, x)}; scipy's
 * {@code expit} is {@code 1 / (1 + exp(-x))} and {@code logit} is scipy's two-branch formula.
 *
 * <p>Caveat: on integer arrays numpy keeps integer arithmetic ({@code reciprocal(2) == 0}); Skiff always
 * computes in float64, which is what a validated ({@code validate=True}) or float input gives in Python.
 */
final class Ufuncs {
    private Ufuncs() {
    }

    private static final double LN2 = 0.6931471805599453;
    private static final Map<String, DoubleUnaryOperator> NUMPY = new TreeMap<>();
    private static final Map<String, DoubleUnaryOperator> SCIPY = new TreeMap<>();

    static {
        NUMPY.put("absolute", Math::abs);
        NUMPY.put("fabs", Math::abs);
        NUMPY.put("negative", x -> -x);
        NUMPY.put("positive", x -> x);
        NUMPY.put("square", x -> x * x);
        NUMPY.put("sqrt", Math::sqrt);
        NUMPY.put("cbrt", Math::cbrt);
        NUMPY.put("reciprocal", x -> 1.0 / x);
        NUMPY.put("exp", Math::exp);
        NUMPY.put("exp2", x -> Math.pow(2.0, x));
        NUMPY.put("expm1", Math::expm1);
        NUMPY.put("log", Math::log);
        NUMPY.put("log2", Ufuncs::log2);
        NUMPY.put("log10", Math::log10);
        NUMPY.put("log1p", Math::log1p);
        NUMPY.put("sin", Math::sin);
        NUMPY.put("cos", Math::cos);
        NUMPY.put("tan", Math::tan);
        NUMPY.put("arcsin", Math::asin);
        NUMPY.put("arccos", Math::acos);
        NUMPY.put("arctan", Math::atan);
        NUMPY.put("sinh", Math::sinh);
        NUMPY.put("cosh", Math::cosh);
        NUMPY.put("tanh", Math::tanh);
        NUMPY.put("arcsinh", Ufuncs::asinh);
        NUMPY.put("arccosh", Ufuncs::acosh);
        NUMPY.put("arctanh", Ufuncs::atanh);
        NUMPY.put("deg2rad", x -> x * (Math.PI / 180.0));
        NUMPY.put("radians", x -> x * (Math.PI / 180.0));
        NUMPY.put("rad2deg", x -> x * (180.0 / Math.PI));
        NUMPY.put("degrees", x -> x * (180.0 / Math.PI));
        NUMPY.put("sign", x -> x > 0 ? 1.0 : x < 0 ? -1.0 : x == 0 ? 0.0 : Double.NaN);
        NUMPY.put("floor", Math::floor);
        NUMPY.put("ceil", Math::ceil);
        NUMPY.put("trunc", Ufuncs::trunc);
        NUMPY.put("fix", Ufuncs::trunc);
        NUMPY.put("rint", Math::rint);
        SCIPY.put("expit", x -> 1.0 / (1.0 + Math.exp(-x)));
        SCIPY.put("logit", Ufuncs::logit);
    }

    /** The element-wise function for a module/name pair, or null when Skiff does not have it. */
    static DoubleUnaryOperator lookup(String module, String name) {
        if (module.equals("numpy") || module.startsWith("numpy.")) {
            return NUMPY.get(name);
        }
        if (module.equals("scipy.special") || module.startsWith("scipy.special.")) {
            return SCIPY.get(name);
        }
        return null;
    }

    /** What Skiff supports, for error messages. */
    static String supported() {
        return "numpy " + String.join(", ", NUMPY.keySet()) + ", clip, round, around, round_; scipy.special "
                + String.join(", ", SCIPY.keySet());
    }

    static double trunc(double x) {
        return x < 0 ? Math.ceil(x) : Math.floor(x);
    }

    static double log2(double x) {
        if (x > 0 && x < Double.POSITIVE_INFINITY && x >= Double.MIN_NORMAL) {
            long bits = Double.doubleToRawLongBits(x);
            if ((bits & 0x000FFFFFFFFFFFFFL) == 0) {
                return Math.getExponent(x);
            }
        }
        return Math.log(x) / LN2;
    }

    /** fdlibm s_asinh.c. */
    static double asinh(double x) {
        double ax = Math.abs(x);
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x + x;
        }
        if (ax < 0x1p-28) {
            return x;
        }
        double w;
        if (ax > 0x1p28) {
            w = Math.log(ax) + LN2;
        } else if (ax > 2.0) {
            w = Math.log(2.0 * ax + 1.0 / (Math.sqrt(x * x + 1.0) + ax));
        } else {
            double t = x * x;
            w = Math.log1p(ax + t / (1.0 + Math.sqrt(1.0 + t)));
        }
        return x > 0 ? w : -w;
    }

    /** fdlibm e_acosh.c. */
    static double acosh(double x) {
        if (Double.isNaN(x) || x < 1.0) {
            return Double.NaN;
        }
        if (x >= 0x1p28) {
            return Double.isInfinite(x) ? x : Math.log(x) + LN2;
        }
        if (x == 1.0) {
            return 0.0;
        }
        if (x > 2.0) {
            double t = x * x;
            return Math.log(2.0 * x - 1.0 / (x + Math.sqrt(t - 1.0)));
        }
        double t = x - 1.0;
        return Math.log1p(t + Math.sqrt(2.0 * t + t * t));
    }

    /** fdlibm e_atanh.c. */
    static double atanh(double x) {
        double ax = Math.abs(x);
        if (Double.isNaN(x) || ax > 1.0) {
            return Double.NaN;
        }
        if (ax == 1.0) {
            return x / 0.0;
        }
        if (ax < 0x1p-28) {
            return x;
        }
        double t;
        if (ax < 0.5) {
            t = ax + ax;
            t = 0.5 * Math.log1p(t + t * ax / (1.0 - ax));
        } else {
            t = 0.5 * Math.log1p((ax + ax) / (1.0 - ax));
        }
        return x >= 0 ? t : -t;
    }

    /** scipy.special.logit: {@code log(p / (1 - p))} outside [0.3, 0.65], else {@code log1p(s) - log1p(-s)}, s = 2(p - 0.5). */
    static double logit(double p) {
        if (p < 0.3 || p > 0.65) {
            return Math.log(p / (1 - p));
        }
        double s = 2 * (p - 0.5);
        return Math.log1p(s) - Math.log1p(-s);
    }

    /** numpy's round for floats: {@code rint(x * f) / f} for d ≥ 0, {@code rint(x / f) * f} for d &lt; 0, f = 10^|d|. */
    static DoubleUnaryOperator round(int decimals) {
        if (decimals == 0) {
            return Math::rint;
        }
        double f = Math.pow(10.0, Math.abs(decimals)); // exact for |d| <= 22
        return decimals > 0 ? x -> Math.rint(x * f) / f : x -> Math.rint(x / f) * f;
    }

    /** A plain value (None, bool, int, float, str) from a JSON node or a 0-d array. */
    static Object plainValue(Node n, String path) throws ModelBuildException {
        if (n instanceof JsonNode j) {
            try {
                return j.value();
            } catch (JsonSyntaxException e) {
                throw new ModelBuildException(path + ": invalid JSON: " + e.getMessage());
            }
        }
        if (n instanceof NdArrayNode a && a.array().ndim() == 0) {
            NpyArray arr = a.array();
            return switch (((dev.skiff.format.npy.DType.Scalar) arr.dtype()).kind()) {
                case 'b' -> arr.getBoolean(0);
                case 'i', 'u' -> arr.getLong(0);
                default -> arr.getDouble(0);
            };
        }
        throw new ModelBuildException(path + ": expected a plain value, found " + n.typeName());
    }

    /** A number or a sequence of numbers (list, tuple, 1-d array); null for None. */
    static double[] numbers(Node n, String path) throws ModelBuildException {
        if (n instanceof NdArrayNode a && a.array().ndim() > 0) {
            if (a.array().ndim() != 1) {
                throw new ModelBuildException(path + ": expected a number or a 1-d array, found "
                        + a.array().ndim() + " dimensions");
            }
            return a.array().toDoubleArray();
        }
        if (n instanceof ListNode || n instanceof TupleNode) {
            var items = n instanceof ListNode l ? l.items() : ((TupleNode) n).items();
            double[] out = new double[items.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = number(items.get(i), path + "[" + i + "]");
            }
            return out;
        }
        Object v = plainValue(n, path);
        if (v == null) {
            return null;
        }
        return new double[]{number(n, path)};
    }

    static double number(Node n, String path) throws ModelBuildException {
        Object v = plainValue(n, path);
        if (v instanceof Number x) {
            return x.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw new ModelBuildException(path + ": expected a number, found " + v);
    }
}
