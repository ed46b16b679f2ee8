package dev.skiff.card.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * {@code roc_curve}, {@code precision_recall_curve} and {@code auc} for one positive class, as scikit-learn
 * computes them: scores sorted descending (stable), one point per distinct score (ties form one step), ROC
 * points collinear with their neighbours dropped ({@code drop_intermediate=True}), the PR curve kept whole.
 */
public final class Curves {
    private Curves() {
    }

    /** A ROC curve: false and true positive rates at decreasing thresholds; the first threshold is +inf. */
    public record Roc(double[] fpr, double[] tpr, double[] thresholds) {
    }

    /** A precision-recall curve with recall decreasing to 0, precision ending in 1; thresholds increasing. */
    public record PrecisionRecall(double[] precision, double[] recall, double[] thresholds) {
    }

    /** Cumulative counts at each distinct threshold ({@code confusion_matrix_at_thresholds}). */
    private record Steps(double[] fps, double[] tps, double[] thresholds) {
    }

    private static Steps steps(boolean[] positive, double[] score) {
        int n = score.length;
        ClassificationMetrics.checkLengths(positive.length, n);
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(score[i])) {
                throw new EvaluationException("score at row " + i + " is " + score[i] + "; scores must be finite");
            }
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        // stable sort by descending score (Arrays.sort on objects is a stable merge sort)
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> score[i]).reversed());
        int[] idx = new int[n];
        int m = 0;
        for (int i = 0; i < n - 1; i++) {
            if (score[order[i + 1]] - score[order[i]] != 0) { // np.nonzero(np.diff(y_score))
                idx[m++] = i;
            }
        }
        idx[m++] = n - 1;
        double[] cum = new double[n];
        double acc = 0;
        for (int i = 0; i < n; i++) {
            acc += positive[order[i]] ? 1.0 : 0.0;
            cum[i] = acc;
        }
        double[] tps = new double[m];
        double[] fps = new double[m];
        double[] thr = new double[m];
        for (int j = 0; j < m; j++) {
            tps[j] = cum[idx[j]];
            fps[j] = 1 + (double) idx[j] - tps[j];
            thr[j] = score[order[idx[j]]];
        }
        return new Steps(fps, tps, thr);
    }

    /** {@code roc_curve(y_true == positive, score)}; rates are NaN when a class is absent (scikit-learn warns). */
    public static Roc roc(boolean[] positive, double[] score) {
        Steps s = steps(positive, score);
        double[] fps = s.fps();
        double[] tps = s.tps();
        double[] thr = s.thresholds();
        if (fps.length > 2) {
            int[] keep = new int[fps.length];
            int m = 0;
            keep[m++] = 0;
            for (int i = 0; i + 2 < fps.length; i++) {
                double d2f = (fps[i + 2] - fps[i + 1]) - (fps[i + 1] - fps[i]);
                double d2t = (tps[i + 2] - tps[i + 1]) - (tps[i + 1] - tps[i]);
                if (d2f != 0 || d2t != 0) {
                    keep[m++] = i + 1;
                }
            }
            keep[m++] = fps.length - 1;
            fps = pick(fps, keep, m);
            tps = pick(tps, keep, m);
            thr = pick(thr, keep, m);
        }
        int len = fps.length + 1;
        double[] fpr = new double[len];
        double[] tpr = new double[len];
        double[] thresholds = new double[len];
        thresholds[0] = Double.POSITIVE_INFINITY;
        System.arraycopy(thr, 0, thresholds, 1, thr.length);
        double fMax = fps[fps.length - 1];
        double tMax = tps[tps.length - 1];
        for (int i = 1; i < len; i++) {
            fpr[i] = fMax <= 0 ? Double.NaN : fps[i - 1] / fMax;
            tpr[i] = tMax <= 0 ? Double.NaN : tps[i - 1] / tMax;
        }
        fpr[0] = fMax <= 0 ? Double.NaN : 0.0;
        tpr[0] = tMax <= 0 ? Double.NaN : 0.0;
        return new Roc(fpr, tpr, thresholds);
    }

    /** {@code precision_recall_curve(y_true == positive, score)}; recall is 1 everywhere when no row is positive. */
    public static PrecisionRecall precisionRecall(boolean[] positive, double[] score) {
        Steps s = steps(positive, score);
        int m = s.tps().length;
        double tMax = s.tps()[m - 1];
        double[] precision = new double[m + 1];
        double[] recall = new double[m + 1];
        double[] thresholds = new double[m];
        for (int j = 0; j < m; j++) {
            double tp = s.tps()[j];
            double ps = tp + s.fps()[j];
            int out = m - 1 - j; // reversed, so recall decreases
            precision[out] = ps != 0 ? tp / ps : 0.0;
            recall[out] = tMax == 0 ? 1.0 : tp / tMax;
            thresholds[out] = s.thresholds()[j];
        }
        precision[m] = 1.0;
        recall[m] = 0.0;
        return new PrecisionRecall(precision, recall, thresholds);
    }

    /** {@code average_precision_score}: {@code -sum(diff(recall) * precision[:-1])} over the PR curve. */
    public static double averagePrecision(PrecisionRecall pr) {
        double[] terms = new double[pr.recall().length - 1];
        for (int i = 0; i < terms.length; i++) {
            terms[i] = (pr.recall()[i + 1] - pr.recall()[i]) * pr.precision()[i];
        }
        return -NumpySums.sum(terms);
    }

    /**
     * {@code auc(x, y)}: the trapezoidal area, {@code sum(diff(x) * (y[1:] + y[:-1]) / 2)} summed pairwise,
     * negated when x decreases; x that both rises and falls is an error, as in scikit-learn.
     */
    public static double auc(double[] x, double[] y) {
        if (x.length < 2) {
            throw new EvaluationException("at least 2 points are needed to compute an area under a curve, got "
                    + x.length);
        }
        boolean anyNeg = false;
        boolean allNonPos = true;
        for (int i = 0; i + 1 < x.length; i++) {
            double d = x[i + 1] - x[i];
            anyNeg |= d < 0;
            allNonPos &= d <= 0;
        }
        double direction = 1;
        if (anyNeg) {
            if (!allNonPos) {
                throw new EvaluationException("x is neither increasing nor decreasing");
            }
            direction = -1;
        }
        double[] terms = new double[x.length - 1];
        for (int i = 0; i < terms.length; i++) {
            terms[i] = (x[i + 1] - x[i]) * (y[i + 1] + y[i]) / 2.0;
        }
        return direction * NumpySums.sum(terms);
    }

    private static double[] pick(double[] a, int[] idx, int m) {
        double[] out = new double[m];
        for (int i = 0; i < m; i++) {
            out[i] = a[idx[i]];
        }
        return out;
    }
}
