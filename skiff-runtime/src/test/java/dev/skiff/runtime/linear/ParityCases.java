package dev.skiff.runtime.linear;

import dev.skiff.runtime.testing.Parity;
import org.junit.jupiter.api.DynamicTest;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared data sets for the linear, preprocessing and decomposition parity tests, and a runner that turns each
 * saved model into one dynamic test (so a failure names its case).
 */
public final class ParityCases {
    private ParityCases() {
    }

    /**
     * Python defining the data sets: {@code Xb, yb} (binary, int labels), {@code Xm, ym} (3 classes, string
     * labels), {@code Xm4, ym4} (4 int classes), {@code Xr, yr, Yr} (regression, 1 and 3 outputs), {@code Xmix}
     * (mixed magnitudes, 1e-3 .. 1e6, with offsets), {@code dfb} (a DataFrame of Xb with names), {@code Xpos}
     * (positive, for log-like functions and count targets {@code ycount}).
     */
    public static final String DATA = """
            rng = np.random.RandomState(0)
            Xb = rng.normal(size=(120, 5))
            yb = (Xb[:, 0] + .5 * Xb[:, 1] - Xb[:, 2] + rng.normal(scale=.7, size=120) > 0).astype(int)
            Xm = rng.normal(size=(150, 4))
            ym = np.array(["setosa", "versicolor", "virginica"])[np.argmax(Xm[:, :3] + rng.normal(scale=.8, size=(150, 3)), axis=1)]
            Xm4 = rng.normal(size=(160, 6))
            ym4 = np.argmax(Xm4[:, :4] + rng.normal(scale=.8, size=(160, 4)), axis=1) * 10 - 5
            Xr = rng.normal(size=(100, 6))
            yr = Xr @ rng.normal(size=6) + rng.normal(scale=.1, size=100) + 3
            Yr = np.c_[yr, Xr @ rng.normal(size=6) - 1, 2 * Xr[:, 0] + .5]
            MAG = np.array([1e-3, 1.0, 1e3, 1e6, 10.0])
            OFF = np.array([0.0, 5.0, -2e3, 3e5, 0.0])
            Xmix = Xb * MAG + OFF
            ymix = Xb @ np.array([1.0, -2.0, .5, .1, 3.0]) + 7
            dfb = pd.DataFrame(Xb, columns=["age", "income", "score", "height", "weight"])
            Xpos = rng.uniform(.05, .95, size=(80, 4))
            ycount = rng.poisson(np.exp(Xpos @ np.array([1.0, -.5, .3, .8])))
            """;

    /**
     * Parity's recording prelude, for a second interpreter (an older scikit-learn) that writes the models, the
     * CSVs and {@code manifest.json} itself.
     */
    public static final String OLD_PRELUDE = """
            import json, sys, os, warnings
            import numpy as np, pandas as pd, skops.io as sio
            warnings.filterwarnings("ignore")
            OUT = sys.argv[1]
            _manifest = []
            def _plain(a):
                a = np.asarray(a)
                if a.dtype.kind in "fc":
                    return [None if np.isnan(v) else float(v) for v in a.ravel().astype(float)], list(a.shape), "float"
                if a.dtype.kind in "iub":
                    return [v.item() for v in a.ravel()], list(a.shape), a.dtype.kind
                return [None if v is None or (isinstance(v, float) and np.isnan(v)) else str(v) for v in a.ravel()], list(a.shape), "str"
            def save(name, model, X, methods=None):
                path = os.path.join(OUT, name + ".skops")
                sio.dump(model, path)
                Xdf = X if isinstance(X, pd.DataFrame) else pd.DataFrame(np.asarray(X), columns=[f"x{i}" for i in range(np.asarray(X).shape[1])])
                Xdf.to_csv(os.path.join(OUT, name + ".csv"), index=False)
                outs = {}
                for m in (methods or ["predict", "predict_proba", "decision_function", "transform", "score_samples"]):
                    if hasattr(model, m):
                        try:
                            r = getattr(model, m)(X)
                        except Exception as e:
                            continue
                        vals, shape, kind = _plain(r)
                        outs[m] = {"values": vals, "shape": shape, "kind": kind}
                _manifest.append({"name": name, "untrusted": sio.get_untrusted_types(file=path), "outputs": outs,
                                  "positional": not isinstance(X, pd.DataFrame)})
            def _finish():
                with open(os.path.join(OUT, "manifest.json"), "w") as f:
                    json.dump(_manifest, f)
            import atexit; atexit.register(_finish)
            """;

    /** Writes {@code oldPrelude.py} = {@code oldScript} into {@code dir}, then runs {@code body} (which may use it). */
    public static Stream<DynamicTest> runRaw(Path dir, String body, String oldScript) throws Exception {
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.writeString(dir.resolve("old_prelude.py"), oldScript);
        List<Parity.Case> cases = Parity.generate(dir, body);
        assertThat(cases).as("the script saved no model").isNotEmpty();
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> Parity.check(c)));
    }

    /** Runs {@code body} (after {@link #DATA}) and returns one dynamic test per saved model. */
    public static Stream<DynamicTest> run(Path dir, String body) throws Exception {
        List<Parity.Case> cases = Parity.generate(dir, DATA + "\n" + body);
        assertThat(cases).as("the script saved no model").isNotEmpty();
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> Parity.check(c)));
    }
}
