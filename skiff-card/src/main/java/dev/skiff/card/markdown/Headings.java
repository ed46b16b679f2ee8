package dev.skiff.card.markdown;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.List;

/**
 * The top-level headings of a Markdown text, as CommonMark (and the Hub's renderer) sees them: ATX ({@code ## x})
 * and setext ({@code x} over {@code ===}), but not lines in code blocks, HTML blocks, block quotes or lists.
 */
public final class Headings {
    /**
     * One heading.
     *
     * @param start offset of the heading's first line in the text
     * @param end   offset just after the heading's last line break (or the end of the text)
     * @param level 1..6
     * @param title the heading's inline Markdown source, trimmed ({@code **Bold** title}); closing {@code #}s removed
     */
    public record Heading(int start, int end, int level, String title) {
    }

    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();

    private Headings() {
    }

    /** Every top-level heading of {@code markdown}, in order. */
    public static List<Heading> find(String markdown) {
        Node doc = PARSER.parse(markdown);
        List<Heading> out = new ArrayList<>();
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (!(n instanceof org.commonmark.node.Heading h) || h.getSourceSpans().isEmpty()) {
                continue;
            }
            List<SourceSpan> spans = h.getSourceSpans();
            SourceSpan first = spans.getFirst();
            SourceSpan last = spans.getLast();
            int start = lineStart(markdown, first.getInputIndex());
            int end = afterLineBreak(markdown, last.getInputIndex() + last.getLength());
            String title;
            if (spans.size() == 1 && isAtx(markdown, first)) {
                title = atxTitle(text(markdown, first));
            } else {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < spans.size() - 1; i++) {
                    if (i > 0) {
                        sb.append(' ');
                    }
                    sb.append(text(markdown, spans.get(i)).strip());
                }
                title = sb.toString();
            }
            out.add(new Heading(start, end, h.getLevel(), title));
        }
        return out;
    }

    private static String text(String s, SourceSpan span) {
        return s.substring(span.getInputIndex(), span.getInputIndex() + span.getLength());
    }

    private static boolean isAtx(String s, SourceSpan span) {
        return text(s, span).stripLeading().startsWith("#");
    }

    /** The title of an ATX heading line: without indentation, opening {@code #}s and an optional closing sequence. */
    static String atxTitle(String line) {
        String t = line.stripLeading();
        int i = 0;
        while (i < t.length() && t.charAt(i) == '#') {
            i++;
        }
        String rest = t.substring(i).strip();
        // a closing sequence: #s that are the whole rest, or preceded by a space or tab
        int j = rest.length();
        while (j > 0 && rest.charAt(j - 1) == '#') {
            j--;
        }
        if (j == 0) {
            return "";
        }
        if (j < rest.length() && (rest.charAt(j - 1) == ' ' || rest.charAt(j - 1) == '\t')) {
            rest = rest.substring(0, j).strip();
        }
        return rest;
    }

    private static int lineStart(String s, int index) {
        int i = index;
        while (i > 0 && s.charAt(i - 1) != '\n' && s.charAt(i - 1) != '\r') {
            i--;
        }
        return i;
    }

    private static int afterLineBreak(String s, int index) {
        int i = index;
        while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '\r') {
            i++;
            if (i < s.length() && s.charAt(i) == '\n') {
                i++;
            }
        } else if (i < s.length()) {
            i++;
        }
        return i;
    }
}
