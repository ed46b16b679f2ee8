package dev.skiff.card.eval;

import dev.skiff.format.json.JsonParser;
import dev.skiff.format.json.PyValues;
import dev.skiff.format.testing.PythonOracle;
import dev.skiff.runtime.data.Column;
import dev.skiff.runtime.data.Float64Column;
import dev.skiff.runtime.data.Int64Column;
import dev.skiff.runtime.data.Matrix;
import dev.skiff.runtime.data.StringColumn;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Test helpers: Python's JSON answers as Java values, and comparisons at scikit-learn's precision. */
final class Oracle {
    /** The agreement the card promises with {@code sklearn.metrics}. */
    static final double TOL = 1e-12;

    private Oracle() {
    }

    /** Runs a test resource script and parses its JSON output. */
    static Object runJson(String resource, String... args) throws Exception {
        return parse(PythonOracle.runResource(resource, args));
    }

    /** Runs Python code and parses its JSON output. */
    static Object runCode(String code, String... args) throws Exception {
        return parse(PythonOracle.run(code, "", args));
    }

    static Object parse(String json) throws Exception {
        return PyValues.toJava(new JsonParser(64, Integer.MAX_VALUE - 8).parse(json.getBytes(StandardCharsets.UTF_8)));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    static double[] doubles(Object o) {
        return list(o).stream().mapToDouble(Oracle::num).toArray();
    }

    static Matrix matrix(Object rows) {
        List<Object> r = list(rows);
        double[][] a = new double[r.size()][];
        for (int i = 0; i < a.length; i++) {
            a[i] = doubles(r.get(i));
        }
        return Matrix.of(a);
    }

    /** A column of Python values of numpy kind {@code kind} ("i", "f", "U"). */
    static Column column(Object values, String kind) {
        List<Object> v = list(values);
        return switch (kind) {
            case "i", "u", "b" -> new Int64Column(v.stream().mapToLong(x -> ((Number) x).longValue()).toArray());
            case "f" -> new Float64Column(doubles(values));
            default -> new StringColumn(v.stream().map(String::valueOf).toArray(String[]::new));
        };
    }

    /** Equal within {@link #TOL} (relative above 1), NaN matching NaN. */
    static void close(String what, double actual, double expected) {
        if (Double.isNaN(expected) || Double.isNaN(actual) || Double.isInfinite(expected)) {
            assertThat(Double.valueOf(actual)).as(what).isEqualTo(Double.valueOf(expected)); // NaN equals NaN here
            return;
        }
        if (Math.abs(actual - expected) > TOL * Math.max(1.0, Math.abs(expected))) {
            fail("%s: Java %s, scikit-learn %s (diff %.3g)", what, PyValues.floatRepr(actual),
                    PyValues.floatRepr(expected), Math.abs(actual - expected));
        }
    }

    static void close(String what, double[] actual, double[] expected) {
        assertThat(actual.length).as(what + " length").isEqualTo(expected.length);
        for (int i = 0; i < actual.length; i++) {
            close(what + "[" + i + "]", actual[i], expected[i]);
        }
    }
}
