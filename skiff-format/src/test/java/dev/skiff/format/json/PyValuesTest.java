package dev.skiff.format.json;

import dev.skiff.format.testing.PythonOracle;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PyValuesTest {

    /** Java's float text must be exactly Python's {@code repr}/{@code json.dumps}, or Python reads another number or type. */
    @Test
    void floatReprMatchesPythonForRandomAndEdgeValues() throws Exception {
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 1.0, -1.0, 0.1, 1e-4, 9.999e-5, 1e-5, 1e16, 9.999999999999998e15,
                1e22, 123456789.0, 5e-324, Double.MIN_NORMAL, Double.MAX_VALUE, 1.0 / 3, 2.5e-7, 100.0, 1e300, 0.0001234));
        Random r = new Random(42);
        for (int i = 0; i < 3000; i++) {
            values.add(Double.longBitsToDouble(r.nextLong()));
            values.add(r.nextDouble() * Math.pow(10, r.nextInt(40) - 20));
        }
        values.removeIf(d -> Double.isNaN(d) || Double.isInfinite(d));
        StringBuilder in = new StringBuilder();
        values.forEach(d -> in.append(Long.toHexString(Double.doubleToRawLongBits(d))).append('\n'));
        String out = PythonOracle.run("""
                import sys, struct, json
                for line in sys.stdin:
                    d = struct.unpack('<d', int(line, 16).to_bytes(8, 'little'))[0]
                    print(json.dumps(d))
                """, in.toString());
        String[] expected = out.split("\n");
        assertThat(expected).hasSize(values.size());
        for (int i = 0; i < values.size(); i++) {
            assertThat(PyValues.floatRepr(values.get(i))).as("repr of %s", values.get(i)).isEqualTo(expected[i]);
        }
    }

    @Test
    void specialFloatsUsePythonTokens() {
        assertThat(PyValues.floatRepr(Double.NaN)).isEqualTo("NaN");
        assertThat(PyValues.floatRepr(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(PyValues.floatRepr(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    }

    @Test
    void loadsKeepsPythonTypes() throws Exception {
        assertThat(PyValues.loads("5")).isEqualTo(5L);
        assertThat(PyValues.loads("1.0")).isEqualTo(1.0);
        assertThat(PyValues.loads("1180591620717411303424")).isEqualTo(new BigInteger("1180591620717411303424"));
        assertThat((Double) PyValues.loads("NaN")).isNaN();
        assertThat(PyValues.loads("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(PyValues.loads("\"h\\u00e9llo\\n\"")).isEqualTo("héllo\n");
        assertThat(PyValues.loads("null")).isNull();
        assertThat(PyValues.loads("true")).isEqualTo(true);
    }
}
