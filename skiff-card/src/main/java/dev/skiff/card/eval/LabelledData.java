package dev.skiff.card.eval;

import dev.skiff.runtime.data.Column;
import dev.skiff.runtime.data.Frame;

/**
 * Model inputs and the target column, split from one labelled frame.
 *
 * @param x      every column but the target
 * @param y      the target
 * @param target the target column's name
 */
public record LabelledData(Frame x, Column y, String target) {

    /** Splits {@code data} into inputs and the column called {@code target}. */
    public static LabelledData split(Frame data, String target) {
        int t = data.indexOf(target);
        if (t < 0) {
            throw new EvaluationException("no column \"" + target + "\" in the data; its columns are " + data.names());
        }
        if (data.rows() == 0) {
            throw new EvaluationException("the data has no rows");
        }
        int[] keep = new int[data.cols() - 1];
        for (int j = 0, o = 0; j < data.cols(); j++) {
            if (j != t) {
                keep[o++] = j;
            }
        }
        return new LabelledData(data.select(keep), data.column(t), target);
    }
}
