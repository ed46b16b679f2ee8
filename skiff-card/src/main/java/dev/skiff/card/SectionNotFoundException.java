package dev.skiff.card;

/** A section path is empty, or names no section of the card (skops raises {@code KeyError} here). */
public class SectionNotFoundException extends CardException {
    private final String path;

    /** No section at {@code path}; {@code message} says which part is missing. */
    public SectionNotFoundException(String path, String message) {
        super(message);
        this.path = path;
    }

    /** The path as the caller gave it. */
    public String path() {
        return path;
    }
}
