package dev.skiff.card.eval;

/**
 * The model and the labelled data cannot be evaluated together: no such target column, missing target values,
 * a classifier's labels that are not labels, an empty frame. The message says which and where.
 */
public class EvaluationException extends IllegalArgumentException {
    public EvaluationException(String message) {
        super(message);
    }

    public EvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
