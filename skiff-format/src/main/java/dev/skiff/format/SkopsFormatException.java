package dev.skiff.format;

import java.io.IOException;

/**
 * A {@code .skops} file (or part of one) is malformed, hostile or beyond the configured limits.
 * The message always names where: the zip member, the node path, or both.
 */
public class SkopsFormatException extends IOException {
    public SkopsFormatException(String message) {
        super(message);
    }

    public SkopsFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An error at a node path, e.g. {@code root.steps[0][1]: missing key "content"}. */
    public static SkopsFormatException at(String path, String message) {
        return new SkopsFormatException(path + ": " + message);
    }
}
