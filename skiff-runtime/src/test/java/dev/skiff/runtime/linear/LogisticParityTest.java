package dev.skiff.runtime.linear;

import dev.skiff.format.audit.TrustPolicy;
import dev.skiff.runtime.Model;
import dev.skiff.runtime.Models;
import dev.skiff.runtime.data.Int64Column;
import dev.skiff.runtime.data.StringColumn;
import dev.skiff.runtime.estimator.Method;
import dev.skiff.runtime.testing.Parity;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class LogisticParityTest {
    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> logisticRegression() throws Exception {
        return ParityCases.run(dir, """
                from sklearn.linear_model import LogisticRegression, LogisticRegressionCV
                from sklearn.pipeline import make_pipeline
                from sklearn.preprocessing import StandardScaler
                save("binary", LogisticRegression().fit(Xb, yb), Xb)
                save("binary_strong", LogisticRegression(C=100).fit(Xb * 5, yb), Xb * 5)
                save("binary_no_intercept", LogisticRegression(fit_intercept=False).fit(Xb, yb), Xb)
                save("binary_liblinear", LogisticRegression(solver="liblinear").fit(Xb, yb), Xb)
                save("binary_string_labels", LogisticRegression().fit(Xb, np.where(yb == 1, "yes", "no")), Xb)
                save("binary_bool_labels", LogisticRegression().fit(Xb, yb == 1), Xb)
                save("multiclass_strings", LogisticRegression(max_iter=500).fit(Xm, ym), Xm)
                save("multiclass_ints", LogisticRegression(max_iter=500).fit(Xm4, ym4), Xm4)
                save("multiclass_saga_l1", LogisticRegression(solver="saga", l1_ratio=1, C=.5, max_iter=2000).fit(Xm4, ym4), Xm4)
                save("dataframe_names", LogisticRegression().fit(dfb, yb), dfb)
                save("mixed_magnitudes", LogisticRegression(max_iter=5000).fit(Xmix, yb), Xmix)
                save("float32_fit", LogisticRegression().fit(Xm.astype(np.float32), ym), Xm)
                save("cv_binary", LogisticRegressionCV(Cs=4, cv=3).fit(Xb, yb), Xb)
                save("cv_multiclass", LogisticRegressionCV(Cs=3, cv=3, max_iter=500).fit(Xm, ym), Xm)
                save("pipeline_scaled_df", make_pipeline(StandardScaler(), LogisticRegression()).fit(dfb, yb), dfb)
                """);
    }

    /**
     * Models fitted before scikit-learn 1.8 carry {@code multi_class}; 1.9.1 ignores it, so the oracle here is
     * scikit-learn 1.5–1.7's {@code LogisticRegression.predict_proba}, reproduced verbatim, applied to models
     * whose state carries the attribute (as an old file's does).
     */
    @TestFactory
    Stream<DynamicTest> oldModelsWithMultiClass() throws Exception {
        return ParityCases.run(dir, """
                from sklearn.linear_model import LogisticRegression
                from sklearn.linear_model._base import LinearClassifierMixin
                from sklearn.utils.extmath import softmax
                _new = LogisticRegression.predict_proba
                def _old_predict_proba(self, X):  # scikit-learn 1.7 LogisticRegression.predict_proba
                    if "multi_class" not in self.__dict__:
                        return _new(self, X)
                    ovr = self.multi_class in ["ovr", "warn"] or (
                        self.multi_class in ["auto", "deprecated"]
                        and (self.classes_.size <= 2 or self.solver == "liblinear"))
                    if ovr:
                        return LinearClassifierMixin._predict_proba_lr(self, X)
                    decision = self.decision_function(X)
                    decision_2d = np.c_[-decision, decision] if decision.ndim == 1 else decision
                    return softmax(decision_2d, copy=False)
                LogisticRegression.predict_proba = _old_predict_proba
                def old(m, multi_class, solver=None):
                    m.multi_class = multi_class
                    if solver:
                        m.solver = solver
                    m._sklearn_version = "1.6.1"
                    return m
                save("old_ovr_multiclass", old(LogisticRegression(max_iter=500).fit(Xm, ym), "ovr"), Xm)
                save("old_liblinear_auto_multiclass", old(LogisticRegression(max_iter=500).fit(Xm4, ym4), "auto", "liblinear"), Xm4)
                save("old_deprecated_multiclass", old(LogisticRegression(max_iter=500).fit(Xm, ym), "deprecated"), Xm)
                save("old_multinomial_binary", old(LogisticRegression().fit(Xb, yb), "multinomial"), Xb)
                save("old_auto_binary", old(LogisticRegression().fit(Xb, yb), "auto"), Xb)
                save("old_warn_multiclass", old(LogisticRegression(max_iter=500).fit(Xm4, ym4), "warn"), Xm4)
                """);
    }

    @Test
    void reportsFeatureNamesClassesAndShapes(@TempDir Path d) throws Exception {
        List<Parity.Case> cases = Parity.generate(d, ParityCases.DATA + """
                from sklearn.linear_model import LogisticRegression
                save("df", LogisticRegression().fit(dfb, yb), dfb)
                save("strings", LogisticRegression(max_iter=500).fit(Xm, ym), Xm)
                """);
        Model df = Parity.check(cases.get(0));
        assertThat(df.featureNamesIn()).contains(List.of("age", "income", "score", "height", "weight"));
        assertThat(df.nFeaturesIn()).isEqualTo(5);
        assertThat(df.classes()).get().isInstanceOf(Int64Column.class);
        assertThat(df.decisionFunction(cases.get(0).x()).cols()).isEqualTo(1);
        assertThat(df.methods()).containsExactlyInAnyOrder(Method.PREDICT, Method.PREDICT_PROBA,
                Method.DECISION_FUNCTION);

        Model s = Models.load(cases.get(1).model(), TrustPolicy.trusting(cases.get(1).untrusted()));
        assertThat(s.featureNamesIn()).isEmpty();
        assertThat(s.classes()).get().isInstanceOf(StringColumn.class);
        assertThat(s.predictProba(cases.get(1).x()).cols()).isEqualTo(3);
        assertThat(((LinearClassifier) s.estimator()).probaForm()).isEqualTo(LinearClassifier.Proba.SOFTMAX);
    }
}
