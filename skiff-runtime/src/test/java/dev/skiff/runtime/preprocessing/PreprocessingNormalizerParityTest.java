package dev.skiff.runtime.preprocessing;

import dev.skiff.runtime.linear.ParityCases;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.stream.Stream;

class PreprocessingNormalizerParityTest {
    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> normalizer() throws Exception {
        return ParityCases.run(dir, """
                from sklearn.preprocessing import Normalizer
                Xz = Xmix.copy(); Xz[0] = 0; Xz[5] = 1e-17; Xz[9] = -0.0
                Xs = np.c_[Xr, Xr, Xr]  # 18 columns: numpy sums them pairwise
                for norm in ["l1", "l2", "max"]:
                    save("zero_rows_" + norm, Normalizer(norm=norm).fit(Xz), Xz)
                    save("wide_" + norm, Normalizer(norm=norm).fit(Xs), Xs)
                    save("df_" + norm, Normalizer(norm=norm).fit(dfb), dfb)
                """);
    }
}
