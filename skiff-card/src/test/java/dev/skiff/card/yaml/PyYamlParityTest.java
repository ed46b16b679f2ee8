package dev.skiff.card.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.card.Fixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every case of {@code yaml/cases.json}: Skiff loads what PyYAML loaded (or fails where it failed) and dumps the same bytes. */
class PyYamlParityTest {
    @TestFactory
    List<DynamicTest> parityWithPyYaml() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : Fixtures.json("yaml/cases.json")) {
            String name = c.get("name").asText();
            tests.add(DynamicTest.dynamicTest(name, () -> check(c)));
        }
        return tests;
    }

    private static void check(JsonNode c) {
        if (c.has("yaml")) {
            String yaml = c.get("yaml").asText();
            if (c.has("error")) {
                assertThatThrownBy(() -> PyYaml.load(yaml)).as("PyYAML failed: %s", c.get("error").asText())
                        .isInstanceOf(YamlException.class);
                return;
            }
            Object loaded = PyYaml.load(yaml);
            assertThat(deepEquals(loaded, Fixtures.untag(c.get("value"))))
                    .as("loaded %s, PyYAML %s", loaded, Fixtures.untag(c.get("value"))).isTrue();
            if (c.has("dump")) {
                assertThat(PyYaml.dump(loaded)).isEqualTo(c.get("dump").asText());
                assertThat(PyYaml.dump(loaded, "\r\n")).isEqualTo(c.get("dump_crlf").asText());
            }
            return;
        }
        Object value = Fixtures.untag(c.get("value"));
        assertThat(PyYaml.dump(value)).isEqualTo(c.get("dump").asText());
        // what we write loads back to the same value (strings stay strings, floats floats); NEL is a line break that
        // YAML folds, in PyYAML too, so such strings cannot come back
        if (!value.toString().contains("\u0085")) {
            assertThat(deepEquals(PyYaml.load(PyYaml.dump(value)), value)).as("reload of %s", value).isTrue();
        }
    }

    /** Equality with Python's view: same types, NaN equals NaN, byte arrays by content. */
    static boolean deepEquals(Object a, Object b) {
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            var ix = x.entrySet().iterator();
            var iy = y.entrySet().iterator();
            while (ix.hasNext()) {
                var ex = ix.next();
                var ey = iy.next();
                if (!deepEquals(ex.getKey(), ey.getKey()) || !deepEquals(ex.getValue(), ey.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!deepEquals(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof Number x && b instanceof Number y && !(a instanceof Double) && !(b instanceof Double)) {
            return new java.math.BigInteger(x.toString()).equals(new java.math.BigInteger(y.toString()));
        }
        return Objects.equals(a, b);
    }
}
