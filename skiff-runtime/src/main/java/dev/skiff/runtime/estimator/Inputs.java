package dev.skiff.runtime.estimator;

import dev.skiff.runtime.ModelInputException;
import dev.skiff.runtime.data.Data;
import dev.skiff.runtime.data.Frame;
import dev.skiff.runtime.data.Matrix;

/** Turning an estimator's input into the numeric matrix it computes on, once per call, with a clear error. */
public final class Inputs {
    private Inputs() {
    }

    /** The input as numbers; string columns are parsed (a bad value names its row and column). */
    public static Matrix numeric(Data x, Estimator e) {
        Matrix m = switch (x) {
            case Matrix mm -> mm;
            case Frame f -> f.toMatrix();
        };
        int n = e.nFeaturesIn();
        if (n >= 0 && m.cols() != n) {
            throw new ModelInputException(shortName(e) + " expects " + n + " features, got " + m.cols());
        }
        return m;
    }

    /** The input as a frame (a matrix gets positional names {@code x0, x1, ...}). */
    public static Frame frame(Data x) {
        return switch (x) {
            case Frame f -> f;
            case Matrix m -> Frame.of(m);
        };
    }

    public static String shortName(Estimator e) {
        String c = e.pythonClass();
        return c.substring(c.lastIndexOf('.') + 1);
    }
}
