package dev.skiff.runtime;

/**
 * The input does not fit the model: a missing or unknown column, a wrong column count, a value of the
 * wrong type. The message names the row and column where that applies.
 */
public class ModelInputException extends RuntimeException {
    public ModelInputException(String message) {
        super(message);
    }

    public ModelInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
