package dev.skiff.card.eval;

/**
 * scikit-learn 1.9's single-output regression metrics, computed with numpy's reductions in numpy's order:
 * {@code r2_score} (with {@code force_finite=True}: a constant target gives 1 for a perfect fit and 0
 * otherwise; fewer than two rows give NaN), {@code mean_absolute_error}, {@code root_mean_squared_error}
 * and {@code mean_absolute_percentage_error} (a zero target divides by machine epsilon, not by zero).
 */
public final class RegressionMetrics {
    private RegressionMetrics() {
    }

    public static double r2(double[] yTrue, double[] yPred) {
        check(yTrue, yPred);
        if (yTrue.length < 2) {
            return Double.NaN;
        }
        int n = yTrue.length;
        double[] sq = new double[n];
        for (int i = 0; i < n; i++) {
            double d = yTrue[i] - yPred[i];
            sq[i] = d * d;
        }
        double numerator = NumpySums.sum(sq);
        double mean = NumpySums.mean(yTrue);
        for (int i = 0; i < n; i++) {
            double d = yTrue[i] - mean;
            sq[i] = d * d;
        }
        double denominator = NumpySums.sum(sq);
        if (numerator == 0) {
            return 1.0;
        }
        if (denominator == 0) {
            return 0.0;
        }
        return 1 - numerator / denominator;
    }

    public static double meanAbsoluteError(double[] yTrue, double[] yPred) {
        check(yTrue, yPred);
        double[] abs = new double[yTrue.length];
        for (int i = 0; i < abs.length; i++) {
            abs[i] = Math.abs(yPred[i] - yTrue[i]);
        }
        return NumpySums.mean(abs);
    }

    public static double meanSquaredError(double[] yTrue, double[] yPred) {
        check(yTrue, yPred);
        double[] sq = new double[yTrue.length];
        for (int i = 0; i < sq.length; i++) {
            double d = yTrue[i] - yPred[i];
            sq[i] = d * d;
        }
        return NumpySums.mean(sq);
    }

    public static double rootMeanSquaredError(double[] yTrue, double[] yPred) {
        return Math.sqrt(meanSquaredError(yTrue, yPred));
    }

    public static double meanAbsolutePercentageError(double[] yTrue, double[] yPred) {
        check(yTrue, yPred);
        double eps = Math.ulp(1.0);
        double[] ape = new double[yTrue.length];
        for (int i = 0; i < ape.length; i++) {
            ape[i] = Math.abs(yPred[i] - yTrue[i]) / Math.max(Math.abs(yTrue[i]), eps);
        }
        return NumpySums.mean(ape);
    }

    private static void check(double[] yTrue, double[] yPred) {
        ClassificationMetrics.checkLengths(yTrue.length, yPred.length);
        for (int i = 0; i < yTrue.length; i++) {
            if (!Double.isFinite(yTrue[i]) || !Double.isFinite(yPred[i])) {
                throw new EvaluationException((Double.isFinite(yTrue[i]) ? "prediction" : "target") + " at row " + i
                        + " is " + (Double.isFinite(yTrue[i]) ? yPred[i] : yTrue[i])
                        + "; regression metrics need finite values");
            }
        }
    }
}
