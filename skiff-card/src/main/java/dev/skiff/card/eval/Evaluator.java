package dev.skiff.card.eval;

import dev.skiff.runtime.Model;
import dev.skiff.runtime.data.Column;
import dev.skiff.runtime.data.Columns;
import dev.skiff.runtime.data.Float64Column;
import dev.skiff.runtime.data.Frame;
import dev.skiff.runtime.data.Matrix;
import dev.skiff.runtime.data.Output;
import dev.skiff.runtime.estimator.Method;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Evaluates a model on labelled data with scikit-learn's metrics. A model with {@code classes_} is a
 * classifier: accuracy, balanced accuracy, precision/recall/F1 (macro and weighted) from its predictions, ROC
 * AUC from {@code predict_proba} (binary: the positive class's column, multiclass: one-vs-rest macro with
 * the model's classes as labels) or, for a binary model without probabilities, from
 * {@code decision_function}, and log loss from {@code predict_proba}. Any other model predicting one float
 * per row is a regressor: R², MAE, RMSE, MAPE. The numbers equal {@code sklearn.metrics} on the same
 * predictions.
 */
public final class Evaluator {
    private Evaluator() {
    }

    /** Evaluates on {@code data}, whose column {@code target} holds the true values. */
    public static Evaluation evaluate(Model model, Frame data, String target) {
        LabelledData d = LabelledData.split(data, target);
        return evaluate(model, d.x(), d.y());
    }

    /** Evaluates on inputs {@code x} with true values {@code y}. */
    public static Evaluation evaluate(Model model, Frame x, Column y) {
        if (x.rows() != y.size()) {
            throw new EvaluationException("the inputs have " + x.rows() + " rows but the target has " + y.size());
        }
        if (y.size() == 0) {
            throw new EvaluationException("the data has no rows");
        }
        if (!model.methods().contains(Method.PREDICT)) {
            throw new EvaluationException(model.pythonClass() + " has no predict; only classifiers and regressors "
                    + "can be evaluated");
        }
        Output predicted = model.predict(x);
        if (!(predicted instanceof Column pred)) {
            throw new EvaluationException(model.pythonClass() + " predicts several outputs per row; only "
                    + "single-output models can be evaluated");
        }
        if (model.classes().isPresent()) {
            return classifier(model, x, y, pred);
        }
        if (!(pred instanceof Float64Column f)) {
            throw new EvaluationException(model.pythonClass() + " predicts " + pred.type()
                    + " values without classes; it is neither a classifier nor a regressor");
        }
        return regressor(Columns.toDoubles("target", y), f.values().clone());
    }

    /** {@code accuracy_score(y, model.predict(x))} alone, for repeated scoring. */
    static double accuracy(Model model, Frame x, Column y) {
        Column pred = model.predictColumn(x);
        Column reference = model.classes().orElse(pred);
        boolean textual = Labels.textual(reference) || Labels.textual(pred);
        Object[] t = Labels.keys(y, textual, "target");
        Object[] p = Labels.keys(pred, textual, "prediction");
        List<Object> labels = Labels.unique(t, p);
        return ClassificationMetrics.accuracy(Labels.encode(t, labels), Labels.encode(p, labels));
    }

    /** True when the model would be evaluated as a classifier. */
    public static boolean isClassifier(Model model) {
        return model.classes().isPresent();
    }

    private static RegressorEvaluation regressor(double[] yTrue, double[] yPred) {
        for (int i = 0; i < yTrue.length; i++) {
            if (Double.isNaN(yTrue[i])) {
                throw new EvaluationException("target has a missing value at row " + i);
            }
        }
        List<Metric> metrics = List.of(
                new Metric("r2", null, "R²", RegressionMetrics.r2(yTrue, yPred)),
                new Metric("mae", null, "MAE", RegressionMetrics.meanAbsoluteError(yTrue, yPred)),
                new Metric("rmse", null, "RMSE", RegressionMetrics.rootMeanSquaredError(yTrue, yPred)),
                new Metric("mape", null, "MAPE", RegressionMetrics.meanAbsolutePercentageError(yTrue, yPred)));
        List<String> notes = new ArrayList<>();
        if (yTrue.length < 2) {
            notes.add("R² is not defined with fewer than two rows");
        }
        return new RegressorEvaluation(metrics, notes, yTrue, yPred);
    }

    private static ClassifierEvaluation classifier(Model model, Frame x, Column y, Column pred) {
        Supplier<Matrix> proba = model.methods().contains(Method.PREDICT_PROBA) ? () -> model.predictProba(x) : null;
        Supplier<Matrix> decision = model.methods().contains(Method.DECISION_FUNCTION)
                ? () -> model.decisionFunction(x) : null;
        return classifier(simpleName(model), model.classes().orElseThrow(), y, pred, proba, decision);
    }

    /**
     * The classifier metrics from labels and scores.
     *
     * @param estimator name for messages
     * @param classes   the model's {@code classes_}
     * @param y         true labels
     * @param pred      predicted labels
     * @param proba     {@code predict_proba}, or null when the model has none
     * @param decision  {@code decision_function}, or null when the model has none
     */
    static ClassifierEvaluation classifier(String estimator, Column classes, Column y, Column pred,
                                           Supplier<Matrix> proba, Supplier<Matrix> decision) {
        boolean textual = Labels.textual(classes) || Labels.textual(pred);
        Object[] trueKeys = Labels.keys(y, textual, "target");
        Object[] predKeys = Labels.keys(pred, textual, "prediction");
        List<Object> labels = Labels.unique(trueKeys, predKeys);
        int[] yt = Labels.encode(trueKeys, labels);
        int[] yp = Labels.encode(predKeys, labels);
        long[][] cm = ClassificationMetrics.confusion(yt, yp, labels.size());
        var prf = ClassificationMetrics.precisionRecallF1(cm);

        List<Metric> metrics = new ArrayList<>(List.of(
                new Metric("accuracy", null, "accuracy", ClassificationMetrics.accuracy(yt, yp)),
                new Metric("balanced_accuracy", null, "balanced accuracy", ClassificationMetrics.balancedAccuracy(cm)),
                new Metric("precision", "macro", "precision (macro)", prf.precisionMacro()),
                new Metric("recall", "macro", "recall (macro)", prf.recallMacro()),
                new Metric("f1", "macro", "f1 (macro)", prf.f1Macro()),
                new Metric("precision", "weighted", "precision (weighted)", prf.precisionWeighted()),
                new Metric("recall", "weighted", "recall (weighted)", prf.recallWeighted()),
                new Metric("f1", "weighted", "f1 (weighted)", prf.f1Weighted())));
        List<String> notes = new ArrayList<>();

        List<Object> classKeys = List.of(Labels.keys(classes, textual, "classes_"));
        List<String> classNames = Labels.names(classKeys, textual, classes);
        int k = classKeys.size();
        int[] ytClass = Labels.encode(trueKeys, classKeys);
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < ytClass.length; i++) {
            if (ytClass[i] < 0 && unknown.size() < 5 && !unknown.contains(y.text(i))) {
                unknown.add(y.text(i));
            }
        }
        List<ClassifierEvaluation.ClassCurves> curves = new ArrayList<>();
        if (!unknown.isEmpty()) {
            notes.add("ROC AUC and log loss need every true label among the model's classes " + classNames
                    + "; the data also has " + unknown);
        } else if (k < 2) {
            notes.add("ROC AUC and log loss need at least two classes; the model has " + classNames);
        } else if (proba != null) {
            Matrix pm = proba.get();
            if (pm.cols() != k || pm.rows() != y.size()) {
                throw new EvaluationException(estimator + ".predict_proba gave " + pm.rows() + "x" + pm.cols()
                        + " values for " + y.size() + " rows and " + k + " classes");
            }
            double[] p = pm.data();
            Metric auc;
            if (k == 2) {
                curves.add(curves(classNames.get(1), ytClass, 1, pm.column(1)));
                auc = new Metric("roc_auc", null, "ROC AUC", curves.get(0).auc());
            } else {
                for (int c = 0; c < k; c++) {
                    curves.add(curves(classNames.get(c), ytClass, c, pm.column(c)));
                }
                auc = new Metric("roc_auc", "ovr-macro", "ROC AUC (one-vs-rest, macro)",
                        ClassificationMetrics.rocAucOvrMacro(ytClass, p, k));
            }
            metrics.add(auc);
            metrics.add(new Metric("log_loss", null, "log loss", ClassificationMetrics.logLoss(ytClass, p, k)));
            if (!auc.isDefined()) {
                notes.add("ROC AUC is not defined: " + (k == 2 ? "the data holds only one class"
                        : "a class of the model does not occur in the data"));
            }
        } else if (decision != null && k == 2) {
            Matrix d = decision.get();
            curves.add(curves(classNames.get(1), ytClass, 1, d.column(d.cols() - 1)));
            Metric auc = new Metric("roc_auc", null, "ROC AUC", curves.get(0).auc());
            metrics.add(auc);
            notes.add("log loss needs predict_proba, which " + estimator + " does not have");
            if (!auc.isDefined()) {
                notes.add("ROC AUC is not defined: the data holds only one class");
            }
        } else {
            notes.add("ROC AUC and log loss need predict_proba, which " + estimator + " does not have");
        }
        return new ClassifierEvaluation(metrics, notes, y.size(), Labels.names(labels, textual, classes, pred, y),
                cm, classNames, curves);
    }

    private static ClassifierEvaluation.ClassCurves curves(String label, int[] yTrue, int positive, double[] score) {
        boolean[] pos = new boolean[yTrue.length];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = yTrue[i] == positive;
        }
        Curves.Roc roc = Curves.roc(pos, score);
        Curves.PrecisionRecall pr = Curves.precisionRecall(pos, score);
        return new ClassifierEvaluation.ClassCurves(label, roc, pr, ClassificationMetrics.rocAuc(pos, score),
                Curves.averagePrecision(pr));
    }

    private static String simpleName(Model model) {
        String c = model.pythonClass();
        return c.substring(c.lastIndexOf('.') + 1);
    }
}
