package dev.skiff.runtime.preprocessing;

import dev.skiff.runtime.linear.ParityCases;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.stream.Stream;

class PolynomialFeaturesParityTest {
    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> polynomialFeatures() throws Exception {
        return ParityCases.run(dir, """
                from sklearn.preprocessing import PolynomialFeatures
                from sklearn.pipeline import make_pipeline
                from sklearn.linear_model import Ridge
                X3 = Xr[:, :3] * np.array([1.5, -0.7, 3.1]) + .25
                for deg in [0, 1, 2, 3, 4, (2, 3), (3, 3), (0, 2), (1, 3)]:
                    for io in [False, True]:
                        for bias in [True, False]:
                            if deg == 0 and not bias or (isinstance(deg, tuple) and deg[1] == 0 and not bias):
                                continue
                            tag = (f"{deg[0]}_{deg[1]}" if isinstance(deg, tuple) else str(deg)) + ("_io" if io else "") + ("_bias" if bias else "")
                            save("deg" + tag, PolynomialFeatures(degree=deg, interaction_only=io, include_bias=bias).fit(X3), X3)
                save("deg3_wide_mixed", PolynomialFeatures(degree=3).fit(Xmix), Xmix)
                save("deg5_single_feature", PolynomialFeatures(degree=5).fit(X3[:, :1]), X3[:, :1])
                save("deg2_df", PolynomialFeatures(degree=2).fit(dfb), dfb)
                save("pipeline_poly_ridge", make_pipeline(PolynomialFeatures(3), Ridge()).fit(X3, yr), X3)
                """);
    }
}
