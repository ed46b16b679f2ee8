package dev.skiff.card.content;

import java.nio.file.Path;
import java.util.function.Function;

/** Writes section content as Markdown the way skops' {@code Section.format} methods do. */
public final class ContentFormatter {
    /** The summary line skops puts in a folded section. */
    public static final String DETAILS_OPEN = "<details>\n<summary> Click to expand </summary>\n\n";
    /** The end of a folded section. */
    public static final String DETAILS_CLOSE = "\n\n</details>";

    private ContentFormatter() {
    }

    /**
     * The Markdown for {@code content} ({@code \n} line breaks).
     *
     * @param folded wrap the content (after its description) in a {@code <details>} block
     * @param link   turns a plot's file into the link written in the card
     */
    public static String format(SectionContent content, boolean folded, Function<Path, String> link) {
        return switch (content) {
            case SectionContent.Markdown m -> wrap(m.text(), folded);
            case SectionContent.Plot p -> {
                String target = link.apply(p.file());
                String alt = p.altText().isEmpty() ? target : p.altText();
                yield described(p.description(), wrap("![" + escapeAlt(alt) + "](" + destination(target) + ")", folded));
            }
            case SectionContent.Table t -> described(t.description(), wrap(MarkdownTable.render(t.table()), folded));
            case SectionContent.Metrics m -> described(m.description(), wrap(MarkdownTable.render(m.asTable()), folded));
            case SectionContent.Html h -> described(h.description(), wrap(h.html(), folded));
        };
    }

    /** skops' {@code wrap_as_details}. */
    public static String wrap(String text, boolean folded) {
        return folded ? DETAILS_OPEN + text + DETAILS_CLOSE : text;
    }

    private static String described(String description, String body) {
        return description.isEmpty() ? body : description + "\n\n" + body;
    }

    /** A link destination CommonMark reads whole: in angle brackets when it holds spaces or parentheses. */
    static String destination(String target) {
        if (target.matches(".*[\\s()<>].*")) {
            return "<" + target.replace("<", "%3C").replace(">", "%3E") + ">";
        }
        return target;
    }

    private static String escapeAlt(String alt) {
        return alt.replace("[", "\\[").replace("]", "\\]").replace("\n", " ");
    }
}
