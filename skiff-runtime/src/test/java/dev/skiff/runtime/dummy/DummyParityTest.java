package dev.skiff.runtime.dummy;

import dev.skiff.format.audit.TrustPolicy;
import dev.skiff.runtime.Model;
import dev.skiff.runtime.Models;
import dev.skiff.runtime.testing.Parity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DummyClassifier / DummyRegressor against scikit-learn; random strategies are refused with a clear reason. */
class DummyParityTest {
    @TempDir
    static Path dir;
    static List<Parity.Case> cases;

    @BeforeAll
    static void fit() throws Exception {
        cases = Parity.generate(dir, """
                from sklearn.dummy import DummyClassifier, DummyRegressor
                rng = np.random.RandomState(0)
                X = rng.rand(40, 3)
                y = np.array(["b", "a", "c", "b", "b"] * 8)
                for s in ["prior", "most_frequent"]:
                    save("clf_" + s, DummyClassifier(strategy=s).fit(X, y), X[:10])
                save("clf_constant_str", DummyClassifier(strategy="constant", constant="c").fit(X, y), X[:10])
                save("clf_constant_int", DummyClassifier(strategy="constant", constant=2).fit(X, np.arange(40) % 3), X[:10])
                save("clf_prior_bool", DummyClassifier().fit(X, np.arange(40) % 3 == 0), X[:10])
                save("clf_uniform", DummyClassifier(strategy="uniform", random_state=0).fit(X, y), X[:10],
                     methods=["predict_proba"])
                Y2 = np.c_[np.arange(40) % 3, np.arange(40) % 2 + 5]
                save("clf_multioutput", DummyClassifier(strategy="most_frequent").fit(X, Y2), X[:10],
                     methods=["predict"])
                save("clf_stratified", DummyClassifier(strategy="stratified", random_state=0).fit(X, y), X[:10],
                     methods=["transform"])  # no outputs: both methods are random
                yr = rng.normal(size=40) * 10
                for s in ["mean", "median"]:
                    save("reg_" + s, DummyRegressor(strategy=s).fit(X, yr), X[:10])
                save("reg_quantile", DummyRegressor(strategy="quantile", quantile=0.25).fit(X, yr), X[:10])
                save("reg_constant", DummyRegressor(strategy="constant", constant=3.5).fit(X, yr), X[:10])
                save("reg_multioutput", DummyRegressor().fit(X, np.c_[yr, yr * 2, -yr]), X[:10])
                df = pd.DataFrame(X, columns=["p", "q", "r"])
                save("reg_dataframe", DummyRegressor(strategy="median").fit(df, yr), df.iloc[:10])
                """);
    }

    @TestFactory
    Stream<DynamicTest> parity() {
        return cases.stream().filter(c -> !c.outputs().isEmpty())
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> Parity.check(c)));
    }

    @Test
    void randomStrategiesAreRefusedWithTheReason() throws Exception {
        Parity.Case stratified = cases.stream().filter(c -> c.name().equals("clf_stratified")).findFirst().orElseThrow();
        Model m = Models.load(stratified.model(), TrustPolicy.trusting(stratified.untrusted()));
        assertThat(m.methods()).isEmpty();
        assertThatThrownBy(() -> m.predict(stratified.x())).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("stratified").hasMessageContaining("random");
        assertThatThrownBy(() -> m.predictProba(stratified.x())).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("stratified");
        Parity.Case uniform = cases.stream().filter(c -> c.name().equals("clf_uniform")).findFirst().orElseThrow();
        Model u = Models.load(uniform.model(), TrustPolicy.trusting(uniform.untrusted()));
        assertThatThrownBy(() -> u.predict(uniform.x())).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("uniform");
    }
}
