package dev.skiff.card.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * scikit-learn 1.9's classification metrics on encoded labels ({@code 0..k-1}, indices into the sorted label
 * set), computed the way {@code sklearn.metrics} computes them so the numbers agree to the last bit or nearly:
 * same zero-division rule ({@code zero_division="warn"} gives 0), same label set (the union of true and
 * predicted labels), same probability clipping and tie handling.
 */
public final class ClassificationMetrics {
    private ClassificationMetrics() {
    }

    /** {@code accuracy_score}: the share of rows predicted right. */
    public static double accuracy(int[] yTrue, int[] yPred) {
        checkLengths(yTrue.length, yPred.length);
        long right = 0;
        for (int i = 0; i < yTrue.length; i++) {
            if (yTrue[i] == yPred[i]) {
                right++;
            }
        }
        return (double) right / yTrue.length;
    }

    /** {@code confusion_matrix}: {@code counts[true][predicted]} over {@code k} labels. */
    public static long[][] confusion(int[] yTrue, int[] yPred, int k) {
        checkLengths(yTrue.length, yPred.length);
        long[][] c = new long[k][k];
        for (int i = 0; i < yTrue.length; i++) {
            c[yTrue[i]][yPred[i]]++;
        }
        return c;
    }

    /**
     * {@code balanced_accuracy_score}: the mean recall over labels that occur in {@code y_true}; labels only
     * predicted are left out, as scikit-learn does (with its warning).
     */
    public static double balancedAccuracy(long[][] confusion) {
        List<Double> perClass = new ArrayList<>();
        for (int i = 0; i < confusion.length; i++) {
            long row = 0;
            for (long v : confusion[i]) {
                row += v;
            }
            if (row > 0) {
                perClass.add((double) confusion[i][i] / row);
            }
        }
        return NumpySums.mean(perClass.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Per-label precision, recall, F1 and support, and their macro and weighted averages. */
    public record PrecisionRecallF1(double[] precision, double[] recall, double[] f1, long[] support) {
        public double precisionMacro() {
            return NumpySums.mean(precision);
        }

        public double recallMacro() {
            return NumpySums.mean(recall);
        }

        public double f1Macro() {
            return NumpySums.mean(f1);
        }

        public double precisionWeighted() {
            return weighted(precision);
        }

        public double recallWeighted() {
            return weighted(recall);
        }

        public double f1Weighted() {
            return weighted(f1);
        }

        private double weighted(double[] scores) {
            double[] w = new double[support.length];
            double total = 0;
            for (int i = 0; i < w.length; i++) {
                w[i] = support[i];
                total += support[i];
            }
            // _nanaverage falls back to the plain mean when every weight is zero
            return total == 0 ? NumpySums.mean(scores) : NumpySums.average(scores, w);
        }
    }

    /**
     * {@code precision_recall_fscore_support(average=None, zero_division="warn")}: a label never predicted has
     * precision 0, a label absent from {@code y_true} recall 0; F1 is {@code 2 tp / (true + predicted)}.
     */
    public static PrecisionRecallF1 precisionRecallF1(long[][] confusion) {
        int k = confusion.length;
        double[] p = new double[k];
        double[] r = new double[k];
        double[] f = new double[k];
        long[] support = new long[k];
        for (int i = 0; i < k; i++) {
            long tp = confusion[i][i];
            long trueSum = 0;
            long predSum = 0;
            for (int j = 0; j < k; j++) {
                trueSum += confusion[i][j];
                predSum += confusion[j][i];
            }
            support[i] = trueSum;
            p[i] = predSum == 0 ? 0.0 : (double) tp / predSum;
            r[i] = trueSum == 0 ? 0.0 : (double) tp / trueSum;
            double denom = 1.0 * trueSum + predSum;
            f[i] = denom == 0 ? 0.0 : (2.0 * tp) / denom;
        }
        return new PrecisionRecallF1(p, r, f, support);
    }

    /**
     * {@code log_loss(y_true, proba, labels=classes)}: {@code yTrue} holds column indices of {@code proba}
     * (row-major, {@code k} columns); probabilities are clipped to {@code [eps, 1 - eps]}.
     */
    public static double logLoss(int[] yTrue, double[] proba, int k) {
        checkLengths(yTrue.length, proba.length / k);
        double eps = Math.ulp(1.0);
        double[] loss = new double[yTrue.length];
        for (int i = 0; i < yTrue.length; i++) {
            double p = Math.min(Math.max(proba[i * k + yTrue[i]], eps), 1 - eps);
            loss[i] = -Math.log(p);
        }
        return NumpySums.mean(loss);
    }

    /**
     * {@code roc_auc_score} for one positive class: the area under {@link Curves#roc}. NaN when only one
     * class occurs (scikit-learn warns and returns NaN).
     */
    public static double rocAuc(boolean[] positive, double[] score) {
        checkLengths(positive.length, score.length);
        boolean anyPos = false;
        boolean anyNeg = false;
        for (boolean b : positive) {
            anyPos |= b;
            anyNeg |= !b;
        }
        if (!anyPos || !anyNeg) {
            return Double.NaN;
        }
        Curves.Roc roc = Curves.roc(positive, score);
        return Curves.auc(roc.fpr(), roc.tpr());
    }

    /**
     * {@code roc_auc_score(y_true, proba, multi_class="ovr", average="macro", labels=classes)}: the mean of
     * each class's one-vs-rest AUC; NaN when a class does not occur in {@code y_true}.
     */
    public static double rocAucOvrMacro(int[] yTrue, double[] proba, int k) {
        checkLengths(yTrue.length, proba.length / k);
        double[] scores = new double[k];
        for (int c = 0; c < k; c++) {
            boolean[] pos = new boolean[yTrue.length];
            double[] s = new double[yTrue.length];
            for (int i = 0; i < yTrue.length; i++) {
                pos[i] = yTrue[i] == c;
                s[i] = proba[i * k + c];
            }
            scores[c] = rocAuc(pos, s);
        }
        return NumpySums.mean(scores);
    }

    static void checkLengths(int a, int b) {
        if (a != b) {
            throw new EvaluationException("found " + a + " true values but " + b + " predictions");
        }
        if (a == 0) {
            throw new EvaluationException("no rows to evaluate");
        }
    }
}
