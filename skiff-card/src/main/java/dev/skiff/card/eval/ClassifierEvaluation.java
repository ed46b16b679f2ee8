package dev.skiff.card.eval;

import java.util.List;

/**
 * A classifier's evaluation.
 *
 * @param metrics   accuracy, balanced accuracy, precision/recall/F1 (macro, weighted), then ROC AUC and log
 *                  loss when the model has scores for them
 * @param notes     metrics left out and why
 * @param rows      rows evaluated
 * @param labels    the label names of the confusion matrix: true and predicted labels, sorted as numpy sorts
 * @param confusion {@code confusion[true][predicted]} counts over {@link #labels}
 * @param classes   the model's classes ({@code classes_}), the columns of its probabilities
 * @param curves    ROC and precision-recall curves: one for the positive class of a binary model, one per class
 *                  (one-vs-rest) for a multiclass model with probabilities; empty without scores
 */
public record ClassifierEvaluation(List<Metric> metrics, List<String> notes, int rows, List<String> labels,
                                   long[][] confusion, List<String> classes, List<ClassCurves> curves)
        implements Evaluation {
    public ClassifierEvaluation {
        metrics = List.copyOf(metrics);
        notes = List.copyOf(notes);
        labels = List.copyOf(labels);
        classes = List.copyOf(classes);
        curves = List.copyOf(curves);
    }

    @Override
    public Task task() {
        return Task.CLASSIFICATION;
    }

    /**
     * The curves of one class against the rest.
     *
     * @param label            the positive class
     * @param roc              its ROC curve ({@code roc_curve}, intermediate points dropped)
     * @param precisionRecall  its precision-recall curve
     * @param auc              area under the ROC curve (NaN when the class or its complement is absent)
     * @param averagePrecision {@code average_precision_score} for the class
     */
    public record ClassCurves(String label, Curves.Roc roc, Curves.PrecisionRecall precisionRecall, double auc,
                              double averagePrecision) {
    }
}
