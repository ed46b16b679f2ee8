package dev.skiff.runtime.preprocessing;

import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.linear.ParityCases;
import dev.skiff.runtime.testing.Parity;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FunctionTransformerParityTest {
    @TempDir
    Path dir;

    /** Every supported ufunc, on data inside its domain and spanning magnitudes. */
    @TestFactory
    Stream<DynamicTest> ufuncs() throws Exception {
        return ParityCases.run(dir, """
                import scipy.special as sps
                from sklearn.preprocessing import FunctionTransformer
                r = np.random.RandomState(7)
                unit = r.uniform(-0.97, 0.97, size=(60, 3))                     # |x| < 1
                pos = np.exp(r.uniform(-20, 20, size=(60, 3)))                  # (0, inf), many magnitudes
                prob = r.uniform(0.001, 0.999, size=(60, 3))
                wide = np.c_[r.normal(scale=1e3, size=60), r.normal(scale=1e-3, size=60), r.uniform(-700, 700, size=60)]
                ge1 = 1 + np.exp(r.uniform(-30, 10, size=(60, 3)))
                halves = np.c_[np.arange(-5, 5, .5)[:20].repeat(3).reshape(-1, 3)]  # ties for rint/round
                signs = np.c_[wide[:, :2], np.r_[np.zeros(10), wide[10:, 2]]]
                cases = {
                    "log1p": (np.log1p, pos), "expm1": (np.expm1, np.c_[unit, wide[:, 1]]), "sqrt": (np.sqrt, pos),
                    "exp": (np.exp, np.c_[wide[:, 1:], unit[:, :1] * 50]), "log": (np.log, pos), "log2": (np.log2, np.r_[pos, [[1., 2., 1024.]]]),
                    "log10": (np.log10, pos), "exp2": (np.exp2, np.c_[unit * 50, wide[:, 1]]),
                    "abs": (np.abs, wide), "absolute": (np.absolute, wide), "fabs": (np.fabs, wide),
                    "square": (np.square, wide), "negative": (np.negative, wide), "positive": (np.positive, wide),
                    "reciprocal": (np.reciprocal, wide), "cbrt": (np.cbrt, wide),
                    "sin": (np.sin, wide), "cos": (np.cos, wide), "tan": (np.tan, unit),
                    "arcsin": (np.arcsin, unit), "arccos": (np.arccos, unit), "arctan": (np.arctan, wide),
                    "sinh": (np.sinh, np.c_[unit, wide[:, 1]] * 20), "cosh": (np.cosh, unit * 20),
                    "tanh": (np.tanh, np.c_[unit * 5, wide[:, 1]]),
                    "arcsinh": (np.arcsinh, np.c_[wide, unit * 1e-9]), "arccosh": (np.arccosh, ge1),
                    "arctanh": (np.arctanh, np.c_[unit, unit[:, :1] * 1e-9]),
                    "deg2rad": (np.deg2rad, wide), "radians": (np.radians, wide),
                    "rad2deg": (np.rad2deg, wide), "degrees": (np.degrees, wide),
                    "sign": (np.sign, signs), "floor": (np.floor, wide), "ceil": (np.ceil, wide),
                    "trunc": (np.trunc, wide), "fix": (np.fix, wide), "rint": (np.rint, np.r_[wide, halves]),
                    "expit": (sps.expit, wide / 10), "logit": (sps.logit, prob),
                }
                for name, (f, X) in cases.items():
                    save(name, FunctionTransformer(f).fit(X), X)
                save("log1p_validate", FunctionTransformer(np.log1p, validate=True).fit(pos), pos)
                save("log1p_df", FunctionTransformer(np.log1p).fit(dfb.abs()), dfb.abs())
                save("identity", FunctionTransformer().fit(wide), wide)
                save("identity_validate", FunctionTransformer(validate=True).fit(wide), wide)
                save("identity_df", FunctionTransformer().fit(dfb), dfb)
                """);
    }

    /** Functions with arguments: np.clip and np.round via kw_args or functools.partial. */
    @TestFactory
    Stream<DynamicTest> functionsWithArguments() throws Exception {
        return ParityCases.run(dir, """
                import functools
                from sklearn.preprocessing import FunctionTransformer
                from sklearn.pipeline import make_pipeline
                from sklearn.linear_model import LogisticRegression
                r = np.random.RandomState(3)
                X = np.c_[r.normal(scale=3, size=(50, 3)), r.uniform(-1e4, 1e4, size=50)]
                X[4, 1] = np.nan
                save("clip_kw", FunctionTransformer(np.clip, kw_args={"a_min": -1.5, "a_max": 2}).fit(X), X)
                save("clip_kw_min_only", FunctionTransformer(np.clip, kw_args={"a_min": 0, "a_max": None}).fit(X), X)
                save("clip_kw_numpy2_names", FunctionTransformer(np.clip, kw_args={"min": -1, "max": 1}).fit(X), X)
                save("clip_per_feature", FunctionTransformer(np.clip, kw_args={"a_min": np.array([-1, -2, -3, -100.]), "a_max": [1, 2, 3, 100]}).fit(X), X)
                save("clip_partial", FunctionTransformer(functools.partial(np.clip, a_min=-.5, a_max=.5)).fit(X), X)
                save("clip_partial_and_kw", FunctionTransformer(functools.partial(np.clip, a_min=-.5), kw_args={"a_max": 3}).fit(X), X)
                save("round", FunctionTransformer(np.round).fit(X), X)
                save("round_2", FunctionTransformer(np.round, kw_args={"decimals": 2}).fit(X), X)
                save("around_neg2", FunctionTransformer(np.around, kw_args={"decimals": -2}).fit(X), X)
                save("round_partial_3", FunctionTransformer(functools.partial(np.round, decimals=3)).fit(X), X)
                Xp = np.abs(np.nan_to_num(X[:, :3])) + .1
                save("pipeline_log_lr", make_pipeline(FunctionTransformer(np.log1p), LogisticRegression()).fit(Xp, (Xp[:, 0] > Xp[:, 1]).astype(int)), Xp)
                """);
    }

    @Test
    void unsupportedFunctionIsNamedWithItsPlace(@TempDir Path d) throws Exception {
        var cases = Parity.generate(d, """
                from sklearn.preprocessing import FunctionTransformer
                from sklearn.pipeline import Pipeline
                from sklearn.linear_model import LinearRegression
                X = np.random.RandomState(0).rand(20, 2) + .1
                save("cumsum", Pipeline([("f", FunctionTransformer(np.cumsum, kw_args={"axis": 1})), ("lr", LinearRegression())]).fit(X, X[:, 0]), X)
                save("log_with_kw", FunctionTransformer(np.log, kw_args={"where": True}).fit(X), X)
                """);
        assertThatThrownBy(() -> Parity.check(cases.get(0))).isInstanceOf(ModelBuildException.class)
                .hasMessageContaining("numpy.cumsum").hasMessageContaining("root.steps[0][1].func")
                .hasMessageContaining("not supported");
        assertThatThrownBy(() -> Parity.check(cases.get(1))).isInstanceOf(ModelBuildException.class)
                .hasMessageContaining("numpy.log").hasMessageContaining("where");
    }
}
