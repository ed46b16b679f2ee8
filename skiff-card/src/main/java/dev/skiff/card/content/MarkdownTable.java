package dev.skiff.card.content;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a table exactly as skops' {@code TableSection.format} does through PrettyTable's MARKDOWN style: every cell
 * is Python's {@code str()} of the value with {@code \n} replaced by {@code <br />}, columns are as wide as their
 * widest cell or header (at least 3 when there are rows), cells are centred like Python's {@code str.center}, with
 * one space of padding, and the rule under the header is {@code :---:}.
 */
public final class MarkdownTable {
    private MarkdownTable() {
    }

    /** The table as Markdown lines joined by {@code \n} (no trailing line break). */
    public static String render(TableData table) {
        List<String> headers = new ArrayList<>();
        List<List<String>> columns = new ArrayList<>();
        for (TableData.Column c : table.columns()) {
            headers.add(c.name());
            List<String> cells = new ArrayList<>();
            for (Object v : c.values()) {
                cells.add(PyStr.str(v).replace("\n", "<br />"));
            }
            columns.add(cells);
        }
        int rows = table.rowCount();
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            int w = blockWidth(headers.get(i));
            for (String cell : columns.get(i)) {
                w = Math.max(w, blockWidth(cell));
                w = Math.max(w, 3); // PrettyTable applies the Markdown minimum while it looks at rows
            }
            widths[i] = w;
        }
        StringBuilder sb = new StringBuilder("|");
        for (int i = 0; i < widths.length; i++) {
            sb.append(' ').append(center(headers.get(i), widths[i])).append(" |");
        }
        sb.append("\n|");
        for (int width : widths) {
            String line = "-".repeat(width + 2);
            line = " :" + line.substring(2);
            line = line.substring(0, line.length() - 2) + ": ";
            sb.append(line).append('|');
        }
        for (int r = 0; r < rows; r++) {
            sb.append("\n|");
            for (int i = 0; i < widths.length; i++) {
                sb.append(' ').append(center(columns.get(i).get(r), widths[i])).append(" |");
            }
        }
        return sb.toString();
    }

    private static int blockWidth(String s) {
        int w = 0;
        for (String line : s.split("\n", -1)) {
            w = Math.max(w, DisplayWidth.of(line));
        }
        return w;
    }

    /** Python's {@code str.center(width)} on display widths (wcwidth.center). */
    static String center(String text, int width) {
        int marg = width - DisplayWidth.of(text);
        if (marg <= 0) {
            return text;
        }
        int left = marg / 2 + (marg & width & 1);
        return " ".repeat(left) + text + " ".repeat(marg - left);
    }
}
