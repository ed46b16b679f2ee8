package dev.skiff.card;

/** A README's YAML front matter does not parse, or is not a mapping, or breaks a safety limit. */
public class InvalidCardException extends CardException {
    /** A problem described by {@code message}. */
    public InvalidCardException(String message) {
        super(message);
    }

    /** A problem described by {@code message}, caused by {@code cause}. */
    public InvalidCardException(String message, Throwable cause) {
        super(message, cause);
    }
}
