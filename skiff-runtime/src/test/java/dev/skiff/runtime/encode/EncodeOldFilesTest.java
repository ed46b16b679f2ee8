package dev.skiff.runtime.encode;

import dev.skiff.format.audit.TrustPolicy;
import dev.skiff.format.npy.Npy;
import dev.skiff.format.npy.NpyLimits;
import dev.skiff.runtime.Model;
import dev.skiff.runtime.Models;
import dev.skiff.runtime.data.Column;
import dev.skiff.runtime.data.Frame;
import dev.skiff.runtime.data.Matrix;
import dev.skiff.runtime.data.StringColumn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** OneHotEncoders written by old skops/scikit-learn stacks (interop/fixtures/old: scikit-learn 1.2, protocols 0 and 1). */
class EncodeOldFilesTest {
    private static Path fixtures() {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("interop/fixtures/old"))) {
            d = d.getParent();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(d != null, "interop/fixtures/old not found");
        return d.resolve("interop/fixtures/old");
    }

    @ParameterizedTest
    @ValueSource(strings = {"p0", "p1"})
    void oldOneHotEncoderMatchesTheOldStack(String prefix) throws Exception {
        Path dir = fixtures();
        Model m = Models.load(dir.resolve(prefix + "_onehot.skops"), TrustPolicy.trusting(List.of("numpy.float64")));
        // X is an object .npy (pickled); its values are fixed in make_fixtures.py (STR_TEST)
        Frame x = Frame.of(List.of("x0", "x1"), List.<Column>of(
                new StringColumn(new String[]{"red", "blue", "green", "violet"}),
                new StringColumn(new String[]{"l", "s", "xl", "m"}))).positional();
        double[] expected = Npy.read(Files.readAllBytes(dir.resolve(prefix + "_onehot.transform.npy")), NpyLimits.DEFAULT)
                .toDoubleArray();
        Matrix out = (Matrix) m.transform(x);
        assertThat(out.cols()).isEqualTo(7);
        assertThat(out.data()).containsExactly(expected);
    }
}
