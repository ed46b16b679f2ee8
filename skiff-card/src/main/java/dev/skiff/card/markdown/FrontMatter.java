package dev.skiff.card.markdown;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The YAML block at the top of a README, found with the regex the Hub and huggingface_hub share
 * ({@code ^(\s*---(?:\r\n|\r|\n))([\S\s]*?)((?:\r\n|\r|\n)---[ \t]*(\r\n|\n|$))}).
 *
 * @param opening the text up to and including the opening {@code ---} line (leading blank space included)
 * @param yaml    the YAML between the delimiters, without the line break before the closing {@code ---}
 * @param closing the line break, the closing {@code ---}, trailing blanks and its line break (if any)
 * @param body    everything after: the Markdown
 */
public record FrontMatter(String opening, String yaml, String closing, String body) {
    /**
     * Python's {@code \s} in a {@code str} pattern (what {@code str.isspace()} accepts), which is wider than
     * Java's: it includes the information separators U+001C..U+001F, U+0085 and the Unicode spaces.
     */
    private static final String PY_SPACE = "[\\t\\n\\x0B\\f\\r\\x1C-\\x1F \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]";
    /** The Hub's regex (with Python's notion of whitespace). */
    public static final Pattern REGEX = Pattern.compile(
            "^(" + PY_SPACE + "*---(?:\\r\\n|\\r|\\n))([\\S\\s]*?)((?:\\r\\n|\\r|\\n)---[ \\t]*(\\r\\n|\\n|$))");

    /** The front matter of {@code text} (a README without byte-order mark), if it has one. */
    public static Optional<FrontMatter> find(String text) {
        Matcher m = REGEX.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new FrontMatter(m.group(1), m.group(2), m.group(3), text.substring(m.end())));
    }

    /** The block as it was: opening, YAML, closing. */
    public String block() {
        return opening + yaml + closing;
    }
}
