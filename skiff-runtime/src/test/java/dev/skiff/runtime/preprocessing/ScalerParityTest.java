package dev.skiff.runtime.preprocessing;

import dev.skiff.runtime.linear.ParityCases;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.stream.Stream;

class ScalerParityTest {
    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> scalers() throws Exception {
        return ParityCases.run(dir, """
                from sklearn.preprocessing import StandardScaler, MinMaxScaler, MaxAbsScaler, RobustScaler
                Xc = np.c_[Xmix, np.full(len(Xmix), 3.0)]          # a constant column: scale_ 1 (zero replaced)
                Xn = Xmix.copy(); Xn[::7, 1] = np.nan; Xn[3, 4] = np.nan  # NaN passes through
                Xt = Xmix * 1.3 - 0.2                                   # outside the fitted range, for clipping
                for name, X in [("mix", Xmix), ("const", Xc), ("nan", Xn)]:
                    save("standard_" + name, StandardScaler().fit(X), X)
                    save("standard_nomean_" + name, StandardScaler(with_mean=False).fit(X), X)
                    save("standard_nostd_" + name, StandardScaler(with_std=False).fit(X), X)
                    save("standard_none_" + name, StandardScaler(with_mean=False, with_std=False).fit(X), X)
                    save("minmax_" + name, MinMaxScaler().fit(X), X)
                    save("minmax_range_" + name, MinMaxScaler(feature_range=(-2, 5)).fit(X), X)
                    save("maxabs_" + name, MaxAbsScaler().fit(X), X)
                    save("robust_" + name, RobustScaler().fit(X), X)
                    save("robust_nocenter_" + name, RobustScaler(with_centering=False, quantile_range=(10, 90)).fit(X), X)
                    save("robust_noscale_" + name, RobustScaler(with_scaling=False).fit(X), X)
                save("minmax_clip", MinMaxScaler(feature_range=(-1, 2), clip=True).fit(Xmix), Xt)
                save("maxabs_clip", MaxAbsScaler(clip=True).fit(Xmix), Xt)
                save("robust_unit_variance", RobustScaler(unit_variance=True).fit(Xmix), Xt)
                save("standard_df", StandardScaler().fit(dfb), dfb)
                save("minmax_df", MinMaxScaler().fit(dfb), dfb)
                save("standard_float32_fit", StandardScaler().fit(Xmix.astype(np.float32)), Xmix)
                """);
    }
}
