package dev.skiff.card.eval;

import dev.skiff.runtime.data.Column;
import dev.skiff.runtime.data.Matrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.skiff.card.eval.Oracle.close;
import static dev.skiff.card.eval.Oracle.doubles;
import static dev.skiff.card.eval.Oracle.list;
import static dev.skiff.card.eval.Oracle.map;
import static dev.skiff.card.eval.Oracle.num;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics, curves and confusion matrices of the evaluator against {@code sklearn.metrics} on the same labels
 * and scores (metric_cases.py): random and edge cases — ties, clipped probabilities, zero divisions, one class,
 * a class absent from the data, string labels in code-point order, float labels, one row.
 */
class ClassificationMetricsOracleTest {
    private static Map<String, Object> cases;

    @BeforeAll
    static void runPython() throws Exception {
        cases = map(Oracle.runJson("/dev/skiff/card/eval/metric_cases.py"));
    }

    @TestFactory
    Stream<DynamicTest> classification() {
        return list(cases.get("classification")).stream().map(Oracle::map)
                .map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> checkClassification(c)));
    }

    @TestFactory
    Stream<DynamicTest> regression() {
        return list(cases.get("regression")).stream().map(Oracle::map)
                .map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> checkRegression(c)));
    }

    private static void checkClassification(Map<String, Object> c) {
        String name = (String) c.get("name");
        String kind = (String) c.get("kind");
        Column y = Oracle.column(c.get("y_true"), kind);
        Column pred = Oracle.column(c.get("y_pred"), kind);
        Column classes = Oracle.column(c.get("classes"), kind);
        Matrix proba = c.get("proba") == null ? null : Oracle.matrix(c.get("proba"));
        Matrix decision = c.get("decision") == null ? null : Matrix.column(doubles(c.get("decision")));
        ClassifierEvaluation e = Evaluator.classifier("Test", classes, y, pred,
                proba == null ? null : () -> proba, decision == null ? null : () -> decision);
        Map<String, Object> exp = map(c.get("expected"));

        close(name + " accuracy", value(e, "accuracy", null), num(exp.get("accuracy")));
        close(name + " balanced accuracy", value(e, "balanced_accuracy", null), num(exp.get("balanced_accuracy")));
        for (String avg : List.of("macro", "weighted")) {
            for (String m : List.of("precision", "recall", "f1")) {
                close(name + " " + m + " " + avg, value(e, m, avg), num(exp.get(m + "_" + avg)));
            }
        }
        List<String> labels = new ArrayList<>();
        for (Object l : list(exp.get("labels"))) {
            labels.add(kind.equals("f") ? dev.skiff.format.json.PyValues.floatRepr(num(l)) : String.valueOf(l));
        }
        assertThat(e.labels()).as(name + " labels (sorted like numpy)").isEqualTo(labels);
        List<Object> cm = list(exp.get("confusion"));
        for (int i = 0; i < cm.size(); i++) {
            long[] row = list(cm.get(i)).stream().mapToLong(v -> ((Number) v).longValue()).toArray();
            assertThat(e.confusion()[i]).as(name + " confusion row " + i).containsExactly(row);
        }
        if (exp.containsKey("roc_auc")) {
            if (exp.get("roc_auc") instanceof String err) {
                assertThat(e.metric("roc_auc", null).or(() -> e.metric("roc_auc", "ovr-macro"))).as(err).isEmpty();
            } else {
                Metric auc = e.metric("roc_auc", null).or(() -> e.metric("roc_auc", "ovr-macro")).orElseThrow();
                close(name + " roc_auc", auc.value(), num(exp.get("roc_auc")));
            }
        } else {
            assertThat(e.metric("roc_auc", null)).isEmpty();
        }
        if (exp.get("log_loss") instanceof Number ll) {
            close(name + " log_loss", value(e, "log_loss", null), ll.doubleValue());
        } else {
            assertThat(e.metric("log_loss", null)).isEmpty();
        }
        List<Object> curves = list(exp.get("curves"));
        assertThat(e.curves()).as(name + " curves").hasSize(curves.size());
        for (int i = 0; i < curves.size(); i++) {
            Map<String, Object> ec = map(curves.get(i));
            ClassifierEvaluation.ClassCurves ac = e.curves().get(i);
            String w = name + " curve " + ec.get("class");
            close(w + " fpr", ac.roc().fpr(), doubles(ec.get("fpr")));
            close(w + " tpr", ac.roc().tpr(), doubles(ec.get("tpr")));
            close(w + " thresholds", ac.roc().thresholds(), doubles(ec.get("thr")));
            close(w + " precision", ac.precisionRecall().precision(), doubles(ec.get("precision")));
            close(w + " recall", ac.precisionRecall().recall(), doubles(ec.get("recall")));
            close(w + " pr thresholds", ac.precisionRecall().thresholds(), doubles(ec.get("pr_thr")));
            close(w + " auc", ac.auc(), num(ec.get("auc")));
            if (!Double.isNaN(num(ec.get("ap")))) {
                close(w + " average precision", ac.averagePrecision(), num(ec.get("ap")));
            }
        }
    }

    private static void checkRegression(Map<String, Object> c) {
        String name = (String) c.get("name");
        double[] yt = doubles(c.get("y_true"));
        double[] yp = doubles(c.get("y_pred"));
        Map<String, Object> exp = map(c.get("expected"));
        close(name + " r2", RegressionMetrics.r2(yt, yp), num(exp.get("r2")));
        close(name + " mae", RegressionMetrics.meanAbsoluteError(yt, yp), num(exp.get("mae")));
        close(name + " rmse", RegressionMetrics.rootMeanSquaredError(yt, yp), num(exp.get("rmse")));
        close(name + " mse", RegressionMetrics.meanSquaredError(yt, yp), num(exp.get("mse")));
        close(name + " mape", RegressionMetrics.meanAbsolutePercentageError(yt, yp), num(exp.get("mape")));
    }

    private static double value(Evaluation e, String type, String config) {
        return e.metric(type, config).orElseThrow(() -> new AssertionError("no metric " + type + " " + config))
                .value();
    }
}
