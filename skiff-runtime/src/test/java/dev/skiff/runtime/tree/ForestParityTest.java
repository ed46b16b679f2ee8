package dev.skiff.runtime.tree;

import dev.skiff.runtime.testing.Parity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** RandomForest* and ExtraTrees* against scikit-learn. */
class ForestParityTest {
    @TempDir
    static Path dir;
    static List<Parity.Case> cases;

    @BeforeAll
    static void fit() throws Exception {
        cases = Parity.generate(dir, TreeScripts.HELPERS + """
                from sklearn.ensemble import (RandomForestClassifier, RandomForestRegressor, ExtraTreesClassifier,
                                              ExtraTreesRegressor)
                from sklearn.datasets import make_classification, make_regression
                rng = np.random.RandomState(0)
                Xb, yb = make_classification(n_samples=400, n_features=8, n_informative=5, random_state=3)
                Xt = np.vstack([Xb[:80], rng.normal(size=(80, 8)) * 2])
                m = RandomForestClassifier(n_estimators=60, random_state=0).fit(Xb, yb)
                trees = [e.tree_ for e in m.estimators_[:5]]
                save("rf_binary", m, with_boundary(trees, Xb, Xt))
                m = RandomForestClassifier(n_estimators=25, max_depth=5, class_weight="balanced_subsample",
                                           max_samples=0.5, random_state=1).fit(Xb[:150], yb[:150])
                save("rf_binary_weighted", m, Xt)

                Xm, ym = make_classification(n_samples=500, n_features=6, n_informative=5, n_redundant=0,
                                             n_classes=4, n_clusters_per_class=1, random_state=4)
                names = np.array(["ant", "bee", "cat", "dog"])
                m = RandomForestClassifier(n_estimators=40, random_state=0).fit(Xm, names[ym])
                save("rf_multiclass_str", m, with_boundary([e.tree_ for e in m.estimators_[:3]], Xm, Xm[:120]))
                m = ExtraTreesClassifier(n_estimators=40, random_state=0).fit(Xm, names[ym])
                save("et_multiclass_str", m, with_boundary([e.tree_ for e in m.estimators_[:3]], Xm, Xm[:120]))
                Xdf = pd.DataFrame(Xm, columns=[f"f{i}" for i in range(6)])
                m = ExtraTreesClassifier(n_estimators=30, max_features=2, random_state=2).fit(Xdf, ym)
                save("et_dataframe", m, Xdf.iloc[:60])

                Xr, yr = make_regression(n_samples=400, n_features=6, noise=3.0, random_state=5)
                m = RandomForestRegressor(n_estimators=50, random_state=0).fit(Xr, yr)
                save("rf_regressor", m, with_boundary([e.tree_ for e in m.estimators_[:3]], Xr, Xr[:100]))
                m = ExtraTreesRegressor(n_estimators=50, random_state=0).fit(Xr, yr)
                save("et_regressor", m, with_boundary([e.tree_ for e in m.estimators_[:3]], Xr, Xr[:100]))
                Y2 = np.c_[yr, Xr[:, 0] * Xr[:, 1]]
                m = RandomForestRegressor(n_estimators=20, max_depth=8, random_state=0).fit(Xr, Y2)
                save("rf_regressor_multioutput", m, Xr[:100])
                Ym = np.c_[names[ym], names[(ym + 1) % 4]]
                m = RandomForestClassifier(n_estimators=20, random_state=0).fit(Xm, Ym)
                save("rf_multioutput_str", m, Xm[:100], methods=["predict"])

                Xn = Xb.copy(); Xn[rng.rand(*Xn.shape) < 0.1] = np.nan
                Xnt = Xn[:120].copy(); Xnt[rng.rand(*Xnt.shape) < 0.2] = np.nan
                m = RandomForestClassifier(n_estimators=30, random_state=0).fit(Xn, yb)
                save("rf_nan", m, Xnt)
                m = ExtraTreesRegressor(n_estimators=30, random_state=0).fit(Xn, yb + Xb[:, 0])
                save("et_regressor_nan", m, Xnt)
                m = RandomForestRegressor(n_estimators=30, random_state=0).fit(Xb, yb + Xb[:, 0])
                save("rf_regressor_nan_unseen", m, Xnt)
                # a batch large enough for the row-parallel path
                Xbig = rng.normal(size=(6000, 8)) * 1.5
                m = RandomForestClassifier(n_estimators=20, random_state=0).fit(Xb, yb)
                save("rf_large_batch", m, Xbig)
                Xbig[rng.rand(*Xbig.shape) < 0.05] = np.nan
                m = ExtraTreesClassifier(n_estimators=20, random_state=0).fit(Xn, yb)
                save("et_large_batch_nan", m, Xbig)
                """);
    }

    @AfterAll
    static void exactness() {
        TreeScripts.exactness(cases);
    }

    @TestFactory
    Stream<DynamicTest> parity() {
        return TreeScripts.tests(cases);
    }
}
