package dev.skiff.card.yaml;

import dev.skiff.card.InvalidCardException;

/** YAML text that does not load (syntax, an unknown tag, a broken safety limit), or a value that cannot be written. */
public final class YamlException extends InvalidCardException {
    /** A problem described in one line. */
    public YamlException(String message) {
        super(message);
    }

    /** A problem described in one line, caused by {@code cause}. */
    public YamlException(String message, Throwable cause) {
        super(message, cause);
    }
}
