package dev.skiff.format.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Python's JSON view of primitive values: {@code json.dumps} text for Java values (floats in {@code repr}
 * form, so {@code 1.0} stays a float), and {@code json.loads} of such text back into Java values.
 */
public final class PyValues {
    /** One parser for all primitives: building a Jackson factory per value would dominate reading a forest. */
    private static final JsonParser PRIMITIVES = new JsonParser(200, Integer.MAX_VALUE - 8, JsonParser.MAX_NUMBER_LENGTH);

    private PyValues() {
    }

    /** Python's {@code repr(float)}: shortest round-trip digits, {@code 1e-05}/{@code 1e+16} outside [1e-4, 1e16). */
    public static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        // Double.toString gives the shortest round-trip digits (JDK 19+); re-lay them out as Python does.
        BigDecimal bd = shortest(Math.abs(d));
        String digits = bd.unscaledValue().toString();
        int exp = digits.length() - 1 - bd.scale(); // decimal exponent of the first digit
        String sign = d < 0 ? "-" : "";
        if (exp >= -4 && exp < 16) {
            String plain = bd.toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String e = Integer.toString(Math.abs(exp));
        return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
    }

    /**
     * The shortest decimal that reads back as {@code x}. {@link Double#toString} (JDK 19+) is shortest except that
     * it never uses a single digit; Python does (e.g. {@code 5e-324}), so a one-digit candidate is tried too.
     */
    private static BigDecimal shortest(double x) {
        BigDecimal bd = new BigDecimal(Double.toString(x)).stripTrailingZeros();
        if (bd.precision() == 2) {
            BigDecimal step = BigDecimal.ONE.movePointRight(bd.precision() - 1 - bd.scale());
            BigDecimal down = bd.divide(step).setScale(0, java.math.RoundingMode.FLOOR).multiply(step);
            BigDecimal up = down.add(step);
            boolean downOk = down.signum() > 0 && down.doubleValue() == x;
            boolean upOk = up.doubleValue() == x;
            if (downOk && upOk) {
                BigDecimal exact = new BigDecimal(x);
                return (exact.subtract(down).abs().compareTo(up.subtract(exact).abs()) <= 0 ? down : up).stripTrailingZeros();
            }
            if (downOk) {
                return down.stripTrailingZeros();
            }
            if (upOk) {
                return up.stripTrailingZeros();
            }
        }
        return bd;
    }

    /** {@code json.dumps(value)} for null, Boolean, String, integral numbers, Double/Float. */
    public static String dumps(Object value) {
        return switch (value) {
            case null -> "null";
            case Boolean b -> b ? "true" : "false";
            case String s -> {
                StringBuilder sb = new StringBuilder();
                PyJsonWriter.quote(s, sb);
                yield sb.toString();
            }
            case Double x -> floatRepr(x);
            case Float x -> floatRepr(x.doubleValue());
            case Long x -> x.toString();
            case Integer x -> x.toString();
            case Short x -> x.toString();
            case Byte x -> x.toString();
            case BigInteger x -> x.toString();
            default -> throw new IllegalArgumentException("not a JSON primitive: " + value.getClass().getName());
        };
    }

    /**
     * {@code json.loads} of a primitive's text: null, Boolean, String, Long or BigInteger, Double;
     * arrays and objects come back as {@link List} and {@link Map}.
     */
    public static Object loads(String text) throws JsonSyntaxException {
        return toJava(PRIMITIVES.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    public static Object toJava(Json j) {
        return switch (j) {
            case Json.JNull ignored -> null;
            case Json.JBool b -> b.value();
            case Json.JString s -> s.value();
            case Json.JNumber n -> number(n);
            case Json.JArray a -> a.items().stream().map(PyValues::toJava).toList();
            case Json.JObject o -> {
                var m = new java.util.LinkedHashMap<String, Object>();
                o.fields().forEach((k, v) -> m.put(k, toJava(v)));
                yield java.util.Collections.unmodifiableMap(m);
            }
        };
    }

    private static Object number(Json.JNumber n) {
        String t = n.text();
        if (n.integral()) {
            BigInteger big = new BigInteger(t);
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        return switch (t) {
            case "NaN" -> Double.NaN;
            case "Infinity", "+Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(t);
        };
    }
}
