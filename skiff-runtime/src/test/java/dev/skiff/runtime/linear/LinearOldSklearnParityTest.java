package dev.skiff.runtime.linear;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Models fitted <em>and</em> scored by an older scikit-learn (one that still has {@code multi_class}), e.g. a
 * venv with scikit-learn 1.6.1 and skops 0.11: {@code -Dskiff.oldSklearnPython=/path/to/venv/bin/python}.
 * Skipped unless that property is set (CI has only the project's venv).
 */
@EnabledIfSystemProperty(named = "skiff.oldSklearnPython", matches = ".+")
class LinearOldSklearnParityTest {
    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> fittedByOldScikitLearn() throws Exception {
        String old = System.getProperty("skiff.oldSklearnPython");
        String script = ParityCases.DATA + """
                import warnings; warnings.filterwarnings("ignore")
                from sklearn.linear_model import LogisticRegression, RidgeClassifier, Ridge
                from sklearn.preprocessing import StandardScaler, PolynomialFeatures, MinMaxScaler
                from sklearn.decomposition import PCA
                from sklearn.pipeline import make_pipeline
                save("lr_ovr_multiclass", LogisticRegression(multi_class="ovr", max_iter=500).fit(Xm, ym), Xm)
                save("lr_liblinear_multiclass", LogisticRegression(solver="liblinear").fit(Xm4, ym4), Xm4)
                save("lr_multinomial_binary", LogisticRegression(multi_class="multinomial").fit(Xb, yb), Xb)
                save("lr_default_multiclass", LogisticRegression(max_iter=500).fit(Xm, ym), Xm)
                save("lr_default_binary_df", LogisticRegression().fit(dfb, yb), dfb)
                save("lr_pipeline", make_pipeline(StandardScaler(), PolynomialFeatures(2), LogisticRegression(multi_class="ovr", max_iter=1000)).fit(Xm, ym), Xm)
                save("ridge_classifier", RidgeClassifier().fit(Xm, ym), Xm)
                save("ridge_multi", Ridge().fit(Xr, Yr), Xr)
                save("pca_whiten", PCA(3, whiten=True).fit(Xr), Xr)
                save("minmax_clip", MinMaxScaler(clip=True).fit(Xr), Xr * 2)
                """;
        // the old interpreter writes its own manifest; the project's venv adopts it as its saved cases
        return ParityCases.runRaw(dir, """
                import subprocess
                src = open(os.path.join(OUT, "old_prelude.py")).read()
                r = subprocess.run([%s, "-c", src, OUT], capture_output=True, text=True)
                if r.returncode:
                    raise SystemExit(r.stderr)
                _manifest.extend(json.load(open(os.path.join(OUT, "manifest.json"))))
                """.formatted("r'" + old + "'"), ParityCases.OLD_PRELUDE + script);
    }
}
