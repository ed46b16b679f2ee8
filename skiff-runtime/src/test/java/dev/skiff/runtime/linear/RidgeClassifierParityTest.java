package dev.skiff.runtime.linear;

import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.testing.Parity;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RidgeClassifierParityTest {
    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> ridgeClassifier() throws Exception {
        return ParityCases.run(dir, """
                from sklearn.linear_model import RidgeClassifier, RidgeClassifierCV
                save("binary", RidgeClassifier().fit(Xb, yb), Xb)
                save("multiclass_strings", RidgeClassifier(alpha=.3).fit(Xm, ym), Xm)
                save("multiclass_ints", RidgeClassifier().fit(Xm4, ym4), Xm4)
                save("dataframe", RidgeClassifier().fit(dfb, yb), dfb)
                save("mixed", RidgeClassifier().fit(Xmix, yb), Xmix)
                save("cv", RidgeClassifierCV(alphas=[.1, 1, 10]).fit(Xm, ym), Xm)
                # an older file: no classes_ attribute, only _label_binarizer.classes_
                m = RidgeClassifier().fit(Xm, ym); del m.__dict__["classes_"]
                type(m).classes_ = property(lambda self: self._label_binarizer.classes_)
                save("classes_from_label_binarizer", m, Xm)
                """);
    }

    @Test
    void multilabelIsAClearError(@TempDir Path d) throws Exception {
        var cases = Parity.generate(d, ParityCases.DATA + """
                from sklearn.linear_model import RidgeClassifier
                save("multilabel", RidgeClassifier().fit(Xb, np.c_[yb, 1 - yb, yb]), Xb)
                """);
        assertThatThrownBy(() -> Parity.check(cases.get(0))).isInstanceOf(ModelBuildException.class)
                .hasMessageContaining("multilabel").hasMessageContaining("root");
    }
}
