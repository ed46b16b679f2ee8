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

/** Single trees (DecisionTree*, ExtraTree*) against scikit-learn. */
class TreeParityTest {
    @TempDir
    static Path dir;
    static List<Parity.Case> cases;

    @BeforeAll
    static void fit() throws Exception {
        cases = Parity.generate(dir, TreeScripts.HELPERS + """
                from sklearn.tree import (DecisionTreeClassifier, DecisionTreeRegressor, ExtraTreeClassifier,
                                          ExtraTreeRegressor)
                from sklearn.datasets import make_classification, make_regression
                rng = np.random.RandomState(0)
                Xb, yb = make_classification(n_samples=300, n_features=6, n_informative=4, random_state=0)
                Xt = np.vstack([Xb[:60], rng.normal(size=(60, 6)) * 2])
                m = DecisionTreeClassifier(random_state=0).fit(Xb, yb)
                save("dt_binary", m, with_boundary([m.tree_], Xb, Xt))
                m = DecisionTreeClassifier(max_depth=4, class_weight="balanced", random_state=0).fit(Xb[:200], yb[:200])
                save("dt_binary_weighted_shallow", m, with_boundary([m.tree_], Xb, Xt))

                Xm, ym = make_classification(n_samples=400, n_features=5, n_informative=4, n_redundant=0, n_classes=3,
                                             n_clusters_per_class=1, random_state=1)
                names = np.array(["setosa", "versicolor", "virginica"])
                m = DecisionTreeClassifier(min_samples_leaf=5, random_state=0).fit(Xm, names[ym])
                save("dt_multiclass_str", m, with_boundary([m.tree_], Xm, Xm[:100]))
                m = DecisionTreeClassifier(max_depth=3, random_state=0).fit(Xm, ym == 1)
                save("dt_bool_labels", m, Xm[:80])
                m = DecisionTreeClassifier(max_depth=5, random_state=0).fit(Xm, np.array([1.0, 2.0, -3.0])[ym])
                save("dt_float_labels", m, Xm[:80])
                m = DecisionTreeClassifier(max_depth=6, random_state=0).fit(Xm, ym + 10)
                Xdf = pd.DataFrame(Xm, columns=["a", "b", "c", "d", "e"])
                save("dt_dataframe", m.fit(Xdf, ym + 10), Xdf.iloc[:50][["a", "b", "c", "d", "e"]])

                Xr, yr = make_regression(n_samples=300, n_features=5, noise=5.0, random_state=2)
                m = DecisionTreeRegressor(random_state=0).fit(Xr, yr)
                save("dt_regressor", m, with_boundary([m.tree_], Xr, Xr[:100] * 1.1))
                for crit in ["absolute_error", "friedman_mse", "poisson"]:
                    yy = np.abs(yr) if crit == "poisson" else yr
                    m = DecisionTreeRegressor(criterion=crit, max_depth=6, random_state=0).fit(Xr, yy)
                    save("dt_regressor_" + crit, m, Xr[:100])
                Y2 = np.c_[yr, np.sin(Xr[:, 0]) * 10, Xr[:, 1] ** 2]
                m = DecisionTreeRegressor(max_depth=8, random_state=0).fit(Xr, Y2)
                save("dt_regressor_multioutput", m, with_boundary([m.tree_], Xr, Xr[:50]))
                Ym = np.c_[ym, (Xm[:, 0] > 0).astype(int) * 7]
                m = DecisionTreeClassifier(max_depth=7, random_state=0).fit(Xm, Ym)
                save("dt_multioutput_int", m, Xm[:100], methods=["predict"])
                Ys = np.c_[names[ym], np.array(["alpha", "omega"])[(Xm[:, 1] > 0).astype(int)]]
                Ys = np.c_[names[ym], np.array(["lowest", "higher"])[(Xm[:, 1] > 0).astype(int)]]
                m = DecisionTreeClassifier(max_depth=7, random_state=0).fit(Xm, Ys)
                save("dt_multioutput_str", m, Xm[:100], methods=["predict"])

                # missing values: learnt (NaN in training) and unseen (NaN only at predict time)
                Xn = Xb.copy(); Xn[rng.rand(*Xn.shape) < 0.15] = np.nan
                Xnt = Xn[:100].copy(); Xnt[rng.rand(*Xnt.shape) < 0.2] = np.nan
                m = DecisionTreeClassifier(random_state=0).fit(Xn, yb)
                save("dt_nan_trained", m, Xnt)
                m = DecisionTreeRegressor(max_depth=6, random_state=0).fit(Xn, yb * 3.0 + Xb[:, 0])
                save("dt_regressor_nan_trained", m, Xnt)
                m = DecisionTreeClassifier(random_state=0).fit(Xb, yb)
                save("dt_nan_unseen", m, Xnt)

                m = ExtraTreeClassifier(random_state=0).fit(Xm, names[ym])
                save("et_multiclass_str", m, with_boundary([m.tree_], Xm, Xm[:100]))
                m = ExtraTreeRegressor(random_state=0).fit(Xr, yr)
                save("et_regressor", m, with_boundary([m.tree_], Xr, Xr[:100]))
                m = ExtraTreeClassifier(random_state=0).fit(Xn, yb)
                save("et_nan", m, Xnt)
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
