package dev.skiff.format;

import java.io.IOException;

/**
 * A {@code .skops} file (or part of one) is malformed, hostile or beyond the configured limits.
 * The message always names where: the zip member, the node path, or both.
 */
public class SkopsFormatException extends IOException {
    /** Longest message kept whole; longer ones lose their middle (a file must not inject pages of text). */
    static final int MAX_MESSAGE = 2000;

    public SkopsFormatException(String message) {
        super(oneLine(message));
    }

    public SkopsFormatException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /** Control characters from the file (a member name, a loader name) are escaped, so a message is one line. */
    static String oneLine(String m) {
        if (m == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(Math.min(m.length(), MAX_MESSAGE + 16));
        for (int i = 0; i < m.length(); i++) {
            char c = m.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        if (sb.length() > MAX_MESSAGE) {
            int tail = 200;
            return sb.substring(0, MAX_MESSAGE - tail - 5) + " ... " + sb.substring(sb.length() - tail);
        }
        return sb.toString();
    }

    /** An error at a node path, e.g. {@code root.steps[0][1]: missing key "content"}. */
    public static SkopsFormatException at(String path, String message) {
        return new SkopsFormatException(path + ": " + message);
    }
}
