package dev.skiff.runtime.linear;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.stream.Stream;

class SgdParityTest {
    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> sgd() throws Exception {
        return ParityCases.run(dir, """
                from sklearn.linear_model import SGDClassifier, SGDRegressor, Perceptron, PassiveAggressiveClassifier
                for loss in ["hinge", "log_loss", "modified_huber", "squared_hinge", "perceptron"]:
                    save("binary_" + loss, SGDClassifier(loss=loss, random_state=0).fit(Xb, yb), Xb)
                    save("multi_" + loss, SGDClassifier(loss=loss, random_state=0).fit(Xm, ym), Xm)
                save("multi4_log_loss", SGDClassifier(loss="log_loss", random_state=1).fit(Xm4, ym4), Xm4)
                # large scores: modified_huber clips to hard 0/1, some multiclass rows sum to 0 -> uniform
                save("multi4_modified_huber_wide", SGDClassifier(loss="modified_huber", alpha=1e-6, random_state=0).fit(Xm4 * 50, ym4), Xm4 * 50)
                save("binary_df_log_loss", SGDClassifier(loss="log_loss", random_state=0).fit(dfb, yb), dfb)
                save("regressor", SGDRegressor(random_state=0).fit(Xr, yr), Xr)
                save("regressor_huber_df", SGDRegressor(loss="huber", random_state=0).fit(dfb, ymix), dfb)
                save("perceptron", Perceptron(random_state=0).fit(Xm, ym), Xm)
                save("passive_aggressive", PassiveAggressiveClassifier(random_state=0).fit(Xb, yb), Xb)
                """);
    }
}
