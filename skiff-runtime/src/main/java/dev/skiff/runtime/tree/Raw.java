package dev.skiff.runtime.tree;

import dev.skiff.runtime.data.Column;
import dev.skiff.runtime.data.Matrix;
import dev.skiff.runtime.math.Links;

/** From raw (link-space) scores to probabilities and labels, with scikit-learn's operation order. */
final class Raw {
    private Raw() {
    }

    /** Inverse links of scikit-learn's {@code _loss.link} classes. */
    enum Link {
        /** IdentityLink: squared/absolute error, huber, quantile. */
        IDENTITY,
        /** LogLink: exp (poisson, gamma). */
        LOG,
        /** LogitLink: expit (binary log loss). */
        LOGIT,
        /** HalfLogitLink: expit(2 raw) (exponential loss). */
        HALF_LOGIT,
        /** MultinomialLogit: softmax. */
        MULTINOMIAL;

        /** From the class name of a {@code sklearn._loss.link} object, or null. */
        static Link ofClass(String simpleName) {
            return switch (simpleName) {
                case "IdentityLink" -> IDENTITY;
                case "LogLink" -> LOG;
                case "LogitLink" -> LOGIT;
                case "HalfLogitLink" -> HALF_LOGIT;
                case "MultinomialLogit" -> MULTINOMIAL;
                default -> null;
            };
        }
    }

    /** Binary {@code predict_proba}: column 1 is the inverse link, column 0 is {@code 1 - p}. */
    static Matrix binaryProba(double[] raw, Link link) {
        int n = raw.length;
        double[] p = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double p1 = link == Link.HALF_LOGIT ? Links.expit(2 * raw[i]) : Links.expit(raw[i]);
            p[2 * i + 1] = p1;
            p[2 * i] = 1 - p1;
        }
        return new Matrix(p, n, 2);
    }

    /** sklearn.utils.extmath.softmax on a copy: subtract the row max, exp, divide by the (pairwise) row sum. */
    static Matrix softmax(double[] raw, int rows, int cols) {
        double[] p = raw.clone();
        for (int i = 0; i < rows; i++) {
            int o = i * cols;
            double max = p[o];
            for (int j = 1; j < cols; j++) {
                double v = p[o + j];
                max = v > max || v != v ? v : max;
                if (max != max) {
                    break;
                }
            }
            for (int j = 0; j < cols; j++) {
                p[o + j] = Math.exp(p[o + j] - max);
            }
            double sum = Links.pairwiseSum(p, o, cols);
            for (int j = 0; j < cols; j++) {
                p[o + j] /= sum;
            }
        }
        return new Matrix(p, rows, cols);
    }

    /** classes[argmax(row)] per row. */
    static Column argmaxLabels(double[] raw, int rows, int cols, Column classes) {
        int[] idx = new int[rows];
        for (int i = 0; i < rows; i++) {
            idx[i] = Links.argmax(raw, i * cols, cols);
        }
        return Labels.take(classes, idx);
    }

    /** classes[raw > 0] (HistGradientBoosting) or classes[raw >= 0] (GradientBoosting) per row. */
    static Column thresholdLabels(double[] raw, boolean inclusive, Column classes) {
        int[] idx = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            idx[i] = (inclusive ? raw[i] >= 0 : raw[i] > 0) ? 1 : 0;
        }
        return Labels.take(classes, idx);
    }
}
