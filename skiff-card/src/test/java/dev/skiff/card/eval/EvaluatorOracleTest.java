package dev.skiff.card.eval;

import dev.skiff.format.Skops;
import dev.skiff.format.TrustedSkops;
import dev.skiff.format.audit.TrustPolicy;
import dev.skiff.runtime.Model;
import dev.skiff.runtime.Models;
import dev.skiff.runtime.data.Csv;
import dev.skiff.runtime.data.Frame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.skiff.card.eval.Oracle.close;
import static dev.skiff.card.eval.Oracle.doubles;
import static dev.skiff.card.eval.Oracle.list;
import static dev.skiff.card.eval.Oracle.map;
import static dev.skiff.card.eval.Oracle.num;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Real models fitted and dumped by scikit-learn (eval_models.py), evaluated by the JVM on the same labelled CSV:
 * every metric equals {@code sklearn.metrics} on Python's own predictions (1e-12), tree importances equal
 * {@code feature_importances_}, permutation importances behave as scikit-learn's do.
 */
class EvaluatorOracleTest {
    @TempDir
    static Path dir;
    private static final Map<String, Map<String, Object>> cases = new LinkedHashMap<>();

    @BeforeAll
    static void fitInPython() throws Exception {
        Oracle.runCode(readResource("/dev/skiff/card/eval/eval_models.py") + "\nprint('null')", dir.toString());
        for (Object o : list(Oracle.parse(java.nio.file.Files.readString(dir.resolve("manifest.json"))))) {
            cases.put((String) map(o).get("name"), map(o));
        }
    }

    static String readResource(String r) throws Exception {
        try (var in = EvaluatorOracleTest.class.getResourceAsStream(r)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    record Loaded(Model model, TrustedSkops file, Frame data) {
    }

    static Loaded load(String name) throws Exception {
        Map<String, Object> c = cases.get(name);
        List<String> untrusted = list(c.get("untrusted")).stream().map(String::valueOf).toList();
        TrustedSkops file = Skops.load(dir.resolve(name + ".skops"), TrustPolicy.trusting(untrusted));
        return new Loaded(Models.build(file), file, Csv.read(dir.resolve(name + ".csv")));
    }

    @TestFactory
    Stream<DynamicTest> metricsEqualScikitLearn() {
        return cases.keySet().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Loaded l = load(name);
            Evaluation e = Evaluator.evaluate(l.model(), l.data(), "target");
            Map<String, Object> exp = map(cases.get(name).get("expected"));
            List<String> seen = new ArrayList<>();
            for (Metric m : e.metrics()) {
                String key = m.config() == null ? m.type() : m.type() + " " + m.config();
                seen.add(key);
                assertThat(exp).as(name + ": scikit-learn has no " + key).containsKey(key);
                close(name + " " + key, m.value(), num(exp.get(key)));
            }
            assertThat(seen).as(name + ": metrics").containsExactlyInAnyOrderElementsOf(exp.keySet());
            assertThat(e.rows()).isEqualTo(l.data().rows());
        }));
    }

    @TestFactory
    Stream<DynamicTest> treeImportancesEqualFeatureImportances() {
        return cases.keySet().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Loaded l = load(name);
            Optional<FeatureImportances> fi = TreeImportances.of(l.file().root());
            Object exp = cases.get(name).get("feature_importances");
            if (exp == null) {
                assertThat(fi).as(name).isEmpty();
                return;
            }
            assertThat(fi).as(name).isPresent();
            close(name + " feature_importances_", fi.get().importances(), doubles(exp));
            assertThat(fi.get().features()).hasSize(doubles(exp).length);
            if (name.contains("multiclass")) { // fitted on the iris DataFrame: feature_names_in_
                assertThat(fi.get().features()).first().isEqualTo("sepal length (cm)");
            }
        }));
    }

    @Test
    void permutationImportancesRankFeaturesAndMatchPythonsScale() throws Exception {
        Loaded l = load("permutation-linear");
        LabelledData d = LabelledData.split(l.data(), "target");
        PermutationImportances pi = PermutationImportance.compute(l.model(), d.x(), d.y(),
                Scorer.defaultFor(l.model()), 30, 42);
        assertThat(pi.features()).containsExactly("strong", "weak", "noise");
        assertThat(pi.importances()).hasNumberOfRows(3);
        for (int j = 0; j < 3; j++) {
            double[] row = pi.importances()[j];
            assertThat(row).hasSize(30);
            double mean = Arrays.stream(row).average().orElseThrow();
            double var = Arrays.stream(row).map(v -> (v - mean) * (v - mean)).average().orElseThrow();
            assertThat(pi.mean()[j]).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(pi.std()[j]).isCloseTo(Math.sqrt(var), org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(pi.orderByMean()).containsExactly(0, 1, 2);
        assertThat(Math.abs(pi.mean()[2])).as("noise feature").isLessThan(1e-3);
        Evaluation e = Evaluator.evaluate(l.model(), l.data(), "target");
        assertThat(pi.baseline()).isEqualTo(e.metric("r2", null).orElseThrow().value());
        // same expectation as scikit-learn's estimate (different random streams): within 15 %
        double[] pyMean = doubles(cases.get("permutation-linear").get("perm_mean"));
        assertThat(pi.mean()[0]).isCloseTo(pyMean[0], org.assertj.core.data.Percentage.withPercentage(15));
        assertThat(pi.mean()[1]).isCloseTo(pyMean[1], org.assertj.core.data.Percentage.withPercentage(25));
        // reproducible per seed, different across seeds
        PermutationImportances again = PermutationImportance.compute(l.model(), d.x(), d.y(),
                Scorer.defaultFor(l.model()), 30, 42);
        assertThat(again.importances()).isDeepEqualTo(pi.importances());
        PermutationImportances other = PermutationImportance.compute(l.model(), d.x(), d.y(),
                Scorer.defaultFor(l.model()), 30, 43);
        assertThat(other.importances()[0]).isNotEqualTo(pi.importances()[0]);
    }

    @Test
    void permutationImportancesOfAClassifierPipelineUseAccuracy() throws Exception {
        Loaded l = load("pipeline-mixed");
        LabelledData d = LabelledData.split(l.data(), "target");
        PermutationImportances pi = PermutationImportance.compute(l.model(), d.x(), d.y(), 7);
        assertThat(pi.features()).containsExactly("age", "income", "city");
        assertThat(pi.importances()[0]).hasSize(5);
        Evaluation e = Evaluator.evaluate(l.model(), l.data(), "target");
        assertThat(pi.baseline()).isEqualTo(e.metric("accuracy", null).orElseThrow().value());
        // the label depends on income and city only
        assertThat(pi.mean()[1]).isGreaterThan(pi.mean()[0]);
        assertThat(pi.mean()[2]).isGreaterThan(pi.mean()[0]);
    }

    @Test
    void curvesAndConfusionMatchTheModel() throws Exception {
        Loaded l = load("forest-multiclass");
        ClassifierEvaluation e = (ClassifierEvaluation) Evaluator.evaluate(l.model(), l.data(), "target");
        assertThat(e.classes()).containsExactly("0", "1", "2");
        assertThat(e.curves()).hasSize(3).extracting(ClassifierEvaluation.ClassCurves::label)
                .containsExactly("0", "1", "2");
        long total = Arrays.stream(e.confusion()).flatMapToLong(Arrays::stream).sum();
        assertThat(total).isEqualTo(l.data().rows());
        assertThat(e.notes()).isEmpty();
        ClassifierEvaluation svc = (ClassifierEvaluation) Evaluator.evaluate(load("linearsvc-strings").model(),
                load("linearsvc-strings").data(), "target");
        assertThat(svc.labels()).containsExactly("no", "yes");
        assertThat(svc.curves()).singleElement().extracting(ClassifierEvaluation.ClassCurves::label).isEqualTo("yes");
        assertThat(svc.notes()).singleElement().asString().contains("log loss needs predict_proba");
        Evaluation ridge = Evaluator.evaluate(load("ridgeclassifier-multiclass").model(),
                load("ridgeclassifier-multiclass").data(), "target");
        assertThat(ridge.notes()).singleElement().asString().contains("ROC AUC and log loss need predict_proba");
    }

    @Test
    void badInputGivesClearErrors() throws Exception {
        Loaded l = load("logreg-binary");
        assertThatThrownBy(() -> Evaluator.evaluate(l.model(), l.data(), "label"))
                .isInstanceOf(EvaluationException.class).hasMessageContaining("no column \"label\"")
                .hasMessageContaining("target");
        Frame missing = Frame.fromColumns(Map.of("f0", new double[]{1}, "f1", new double[]{1}, "f2", new double[]{1},
                "f3", new double[]{1}, "f4", new double[]{1}, "f5", new double[]{1}, "target", Arrays.asList((Object) null)));
        assertThatThrownBy(() -> Evaluator.evaluate(l.model(), missing, "target"))
                .isInstanceOf(EvaluationException.class).hasMessage("target has a missing value at row 0");
        Frame words = Frame.fromColumns(Map.of("f0", new double[]{1}, "f1", new double[]{1}, "f2", new double[]{1},
                "f3", new double[]{1}, "f4", new double[]{1}, "f5", new double[]{1}, "target", new String[]{"cat"}));
        assertThatThrownBy(() -> Evaluator.evaluate(l.model(), words, "target"))
                .isInstanceOf(EvaluationException.class).hasMessageContaining("\"cat\" at row 0 is not a label");
    }
}
