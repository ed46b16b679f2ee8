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

/** GradientBoostingClassifier / Regressor against scikit-learn: every loss, every kind of init_. */
class BoostParityTest {
    @TempDir
    static Path dir;
    static List<Parity.Case> cases;

    @BeforeAll
    static void fit() throws Exception {
        cases = Parity.generate(dir, TreeScripts.HELPERS + """
                from sklearn.ensemble import (GradientBoostingClassifier, GradientBoostingRegressor,
                                              RandomForestClassifier)
                from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor
                from sklearn.dummy import DummyClassifier, DummyRegressor
                from sklearn.datasets import make_classification, make_regression
                rng = np.random.RandomState(0)
                Xb, yb = make_classification(n_samples=400, n_features=6, n_informative=4, random_state=6)
                Xt = np.vstack([Xb[:80], rng.normal(size=(60, 6)) * 2])
                def stage_trees(m, n=3):
                    return [t.tree_ for t in m.estimators_[:n].ravel()]
                for loss in ["log_loss", "exponential"]:
                    m = GradientBoostingClassifier(loss=loss, n_estimators=60, max_depth=3, random_state=0).fit(Xb, yb)
                    save("gb_binary_" + loss, m, with_boundary(stage_trees(m), Xb, Xt))
                m = GradientBoostingClassifier(n_estimators=40, subsample=0.6, max_features=3, random_state=1).fit(
                    Xb, np.array(["no", "yes"])[yb])
                save("gb_binary_str_subsample", m, Xt)
                Xm, ym = make_classification(n_samples=500, n_features=6, n_informative=5, n_redundant=0, n_classes=3,
                                             n_clusters_per_class=1, random_state=7)
                names = np.array(["red", "green", "blue"])
                m = GradientBoostingClassifier(n_estimators=50, max_depth=2, random_state=0).fit(Xm, names[ym])
                save("gb_multiclass_str", m, with_boundary(stage_trees(m, 2), Xm, Xm[:100]))
                Xm9, ym9 = make_classification(n_samples=900, n_features=8, n_informative=7, n_redundant=0,
                                               n_classes=9, n_clusters_per_class=1, random_state=8)
                m = GradientBoostingClassifier(n_estimators=15, max_depth=2, random_state=0).fit(Xm9, ym9)
                save("gb_multiclass_9", m, Xm9[:100])
                save("gb_multiclass_9_large_batch", m, rng.normal(size=(5000, 8)) * 2)

                # init_ variants
                m = GradientBoostingClassifier(init="zero", n_estimators=30, random_state=0).fit(Xb, yb)
                save("gb_binary_init_zero", m, Xt)
                m = GradientBoostingClassifier(init="zero", n_estimators=20, random_state=0).fit(Xm, ym)
                save("gb_multiclass_init_zero", m, Xm[:100])
                m = GradientBoostingClassifier(init=DummyClassifier(strategy="most_frequent"), n_estimators=20,
                                               random_state=0).fit(Xb, yb)
                save("gb_binary_init_most_frequent", m, Xt)
                m = GradientBoostingClassifier(init=DecisionTreeClassifier(max_depth=3, random_state=0),
                                               n_estimators=20, random_state=0).fit(Xb, yb)
                save("gb_binary_init_tree", m, with_boundary([m.init_.tree_], Xb, Xt))
                m = GradientBoostingClassifier(init=RandomForestClassifier(n_estimators=10, max_depth=4,
                                               random_state=0), n_estimators=20, random_state=0).fit(Xm, names[ym])
                save("gb_multiclass_init_forest", m, Xm[:100])
                m = GradientBoostingClassifier(n_estimators=500, n_iter_no_change=3, validation_fraction=0.2,
                                               random_state=0).fit(Xb, yb)
                assert m.n_estimators_ < 500
                save("gb_binary_early_stopping", m, Xt)

                Xr, yr = make_regression(n_samples=400, n_features=6, noise=10.0, random_state=9)
                yr = yr + 3 * rng.standard_cauchy(size=yr.shape)
                for loss in ["squared_error", "absolute_error", "huber", "quantile"]:
                    m = GradientBoostingRegressor(loss=loss, alpha=0.3 if loss == "quantile" else 0.9,
                                                  n_estimators=60, max_depth=3, random_state=0).fit(Xr, yr)
                    save("gb_regressor_" + loss, m, with_boundary(stage_trees(m), Xr, Xr[:100] * 1.2))
                m = GradientBoostingRegressor(init="zero", n_estimators=30, random_state=0).fit(Xr, yr)
                save("gb_regressor_init_zero", m, Xr[:100])
                m = GradientBoostingRegressor(init=DecisionTreeRegressor(max_depth=3, random_state=0),
                                              n_estimators=30, random_state=0).fit(Xr, yr)
                save("gb_regressor_init_tree", m, with_boundary([m.init_.tree_], Xr, Xr[:100]))
                m = GradientBoostingRegressor(init=DummyRegressor(strategy="constant", constant=7),
                                              n_estimators=30, random_state=0).fit(Xr, yr)
                save("gb_regressor_init_constant", m, Xr[:100])
                Xdf = pd.DataFrame(Xr, columns=list("uvwxyz"))
                m = GradientBoostingRegressor(n_estimators=300, n_iter_no_change=2, learning_rate=0.3,
                                              random_state=0).fit(Xdf, yr)
                assert m.n_estimators_ < 300
                save("gb_regressor_dataframe_early_stopping", m, Xdf.iloc[:80])
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
