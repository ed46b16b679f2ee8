package dev.skiff.format.json;

import dev.skiff.format.testing.PythonOracle;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PyJsonWriterTest {

    /** A nested document re-laid out by Java equals {@code json.dumps(json.loads(doc), indent=2)}, byte for byte. */
    @Test
    void layoutAndEscapingMatchPythonJsonDumps() throws Exception {
        Random r = new Random(7);
        StringBuilder strings = new StringBuilder("[");
        for (int i = 0; i < 300; i++) {
            StringBuilder s = new StringBuilder();
            int n = r.nextInt(12);
            for (int j = 0; j < n; j++) {
                int kind = r.nextInt(5);
                int cp = switch (kind) {
                    case 0 -> r.nextInt(0x20);
                    case 1 -> 0x20 + r.nextInt(0x5f);
                    case 2 -> 0x80 + r.nextInt(0x780);
                    case 3 -> 0x800 + r.nextInt(0xd000);
                    default -> 0x10000 + r.nextInt(0xfffff);
                };
                s.appendCodePoint(cp);
            }
            if (i > 0) {
                strings.append(", ");
            }
            PyJsonWriter.quote(s.toString(), strings);
        }
        strings.append("]");
        String doc = "{\"a\": {}, \"b\": [], \"c\": [1, 2.5, null, true, false, {\"x\": [[]]}], \"d\": " + strings
                + ", \"e\": {\"n\": NaN, \"i\": -Infinity, \"big\": 123456789012345678901234567890}}";
        String python = PythonOracle.run("import sys, json; sys.stdout.write(json.dumps(json.loads(sys.stdin.read()), indent=2))", doc);
        Json parsed = new JsonParser(100, Integer.MAX_VALUE - 8).parse(doc.getBytes(StandardCharsets.UTF_8));
        StringBuilder java = new StringBuilder();
        new PyJsonWriter(java).value(parsed);
        assertThat(java.toString()).isEqualTo(python);
    }

    @Test
    void parserRefusesDuplicateKeysAndExcessiveDepth() {
        var p = new JsonParser(5, 1000);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.parse("{\"a\": 1, \"a\": 2}".getBytes()))
                .isInstanceOf(JsonSyntaxException.class).hasMessageContaining("Duplicate");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.parse("[[[[[[[[1]]]]]]]]".getBytes()))
                .isInstanceOf(JsonSyntaxException.class).hasMessageContaining("limits");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.parse("{} x".getBytes()))
                .isInstanceOf(JsonSyntaxException.class);
    }
}
