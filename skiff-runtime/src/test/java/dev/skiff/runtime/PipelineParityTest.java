package dev.skiff.runtime;

import dev.skiff.runtime.testing.Parity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipelineParityTest {
    @TempDir
    Path dir;

    @Test
    void unsupportedEstimatorsAreNamedWithTheirPlace() throws Exception {
        var cases = Parity.generate(dir, """
                from sklearn.pipeline import Pipeline
                from sklearn.cluster import Birch
                from sklearn.neighbors import KNeighborsClassifier
                X = np.random.RandomState(0).rand(30, 3); y = (X[:, 0] > .5).astype(int)
                save("knn", Pipeline([("knn", KNeighborsClassifier(3))]).fit(X, y), X)
                """);
        assertThatThrownBy(() -> Parity.check(cases.get(0)))
                .isInstanceOf(UnsupportedEstimatorException.class)
                .hasMessageContaining("sklearn.neighbors._classification.KNeighborsClassifier")
                .hasMessageContaining("root.steps[0][1]");
    }
}
