package dev.skiff.runtime.compose;

import dev.skiff.runtime.UnsupportedEstimatorException;
import dev.skiff.runtime.testing.Parity;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The interop model zoo's encoder, imputer and composition entries (interop/models.py), checked for parity. */
class ComposeZooParityTest {
    @TempDir
    Path dir;

    private static String interop() {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isRegularFile(d.resolve("interop/models.py"))) {
            d = d.getParent();
        }
        Assumptions.assumeTrue(d != null, "interop/models.py not found");
        return d.resolve("interop").toString();
    }

    private String script(String... names) {
        return "import sys; sys.path.insert(0, " + pyString(interop()) + ")\n"
                + "import models\n"
                + "for n in " + pyList(names) + ":\n"
                + "    zm = models.build(n)\n"
                + "    save(n, zm.obj, zm.X)\n";
    }

    private static String pyString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String pyList(String... s) {
        return "[" + String.join(", ", Stream.of(s).map(ComposeZooParityTest::pyString).toList()) + "]";
    }

    @TestFactory
    Stream<DynamicTest> zoo() throws Exception {
        List<Parity.Case> cases = Parity.generate(dir, script("simple_imputers_union", "one_hot_encoder_ignore_sparse",
                "encoders_column_transformer", "column_transformer_dataframe_pipeline",
                "column_transformer_passthrough_pandas_output"));
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> Parity.check(c)));
    }

    @Test
    void anUnsupportedTransformerInsideAColumnTransformerIsNamedWithItsPlace() throws Exception {
        List<Parity.Case> cases = Parity.generate(dir, script("imputers_strings_knn_missing_indicator"));
        assertThatThrownBy(() -> Parity.check(cases.get(0)))
                .isInstanceOf(UnsupportedEstimatorException.class)
                .hasMessageContaining("KNNImputer")
                .hasMessageContaining("root.transformers_[2][1]");
    }
}
