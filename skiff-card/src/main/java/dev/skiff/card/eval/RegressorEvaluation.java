package dev.skiff.card.eval;

import java.util.List;

/**
 * A regressor's evaluation.
 *
 * @param metrics R², MAE, RMSE, MAPE
 * @param notes   metrics left out and why
 * @param yTrue   the target values
 * @param yPred   the predictions (residuals are {@code yTrue - yPred})
 */
public record RegressorEvaluation(List<Metric> metrics, List<String> notes, double[] yTrue, double[] yPred)
        implements Evaluation {
    public RegressorEvaluation {
        metrics = List.copyOf(metrics);
        notes = List.copyOf(notes);
    }

    @Override
    public Task task() {
        return Task.REGRESSION;
    }

    @Override
    public int rows() {
        return yTrue.length;
    }

    /** {@code yTrue - yPred} per row. */
    public double[] residuals() {
        double[] r = new double[yTrue.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = yTrue[i] - yPred[i];
        }
        return r;
    }
}
