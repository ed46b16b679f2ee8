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

/** IsolationForest against scikit-learn: score_samples, decision_function, predict. */
class IsolationForestParityTest {
    @TempDir
    static Path dir;
    static List<Parity.Case> cases;

    @BeforeAll
    static void fit() throws Exception {
        cases = Parity.generate(dir, TreeScripts.HELPERS + """
                from sklearn.ensemble import IsolationForest
                rng = np.random.RandomState(0)
                X = np.r_[rng.normal(size=(300, 4)), rng.uniform(-6, 6, size=(20, 4))]
                Xt = np.r_[X[:60], rng.uniform(-8, 8, size=(40, 4))]
                m = IsolationForest(n_estimators=80, random_state=0).fit(X)
                save("iforest_auto", m, with_boundary([e.tree_ for e in m.estimators_[:3]], X, Xt))
                m = IsolationForest(n_estimators=50, contamination=0.1, max_samples=64, random_state=1).fit(X)
                save("iforest_contamination", m, Xt)
                m = IsolationForest(n_estimators=50, max_features=0.5, bootstrap=True, random_state=2).fit(X)
                save("iforest_feature_subsample", m, Xt)
                Xn = Xt.copy(); Xn[rng.rand(*Xn.shape) < 0.2] = np.nan; Xn[0, 0] = np.inf; Xn[1, 1] = -np.inf
                save("iforest_nan_inf", m, Xn)
                m = IsolationForest(n_estimators=3, max_samples=1, random_state=0).fit(X)
                save("iforest_single_sample", m, Xt[:10])
                df = pd.DataFrame(X, columns=["w", "x", "y", "z"])
                m = IsolationForest(n_estimators=40, random_state=3).fit(df)
                save("iforest_dataframe", m, df.iloc[:50])
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
