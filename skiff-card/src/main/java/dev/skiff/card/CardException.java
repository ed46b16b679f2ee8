package dev.skiff.card;

/**
 * A model card operation failed: bad input (a README whose YAML does not parse, a section path that names nothing,
 * a value of the wrong type). Unchecked, and an {@link IllegalArgumentException} so callers that map bad input to one
 * exit code (the CLI's 2) need no special case. Messages are one line.
 */
public class CardException extends IllegalArgumentException {
    /** A failure described by {@code message}. */
    public CardException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public CardException(String message, Throwable cause) {
        super(message, cause);
    }
}
