package dev.skiff.card.yaml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes Java values as PyYAML's {@code yaml.dump(value, sort_keys=False, allow_unicode=True)} does: block style,
 * indent 2, width 80, sequences inside mappings not indented, empty collections as {@code []}/{@code {}}, the same
 * scalar analysis (when a string may be plain, single- or double-quoted, how long lines fold, which characters are
 * escaped and how), anchors {@code &id001} for collections that occur twice, and {@code ...} after a plain root
 * scalar.
 *
 * <p>This is Skiff's own implementation of the behaviour of PyYAML's emitter (which SnakeYAML's emitter does not
 * reproduce: it writes multi-line strings plain, quotes {@code 08}, and escapes in lower case). Text is handled in
 * code points, as Python counts columns.
 */
final class PyYamlEmitter {
    private static final String STR = "tag:yaml.org,2002:str";
    private static final int BEST_INDENT = 2;
    private static final int BEST_WIDTH = 80;

    private final StringBuilder out = new StringBuilder();
    private final String lineBreak;
    private final Deque<Opt> indents = new ArrayDeque<>();
    private Integer indent;
    private int flowLevel;
    private int column;
    private boolean whitespace = true;
    private boolean indention = true;
    private boolean openEnded;
    /** Collections seen twice get an anchor; value = anchor name. */
    private final IdentityHashMap<Object, String> anchors = new IdentityHashMap<>();
    private final IdentityHashMap<Object, Boolean> emitted = new IdentityHashMap<>();

    private PyYamlEmitter(String lineBreak) {
        this.lineBreak = lineBreak;
    }

    /** The YAML text of {@code value}. */
    static String dump(Object value, String lineBreak) {
        PyYamlEmitter e = new PyYamlEmitter(lineBreak);
        e.findAnchors(value, new IdentityHashMap<>(), new int[] {0});
        e.document(value);
        return e.out.toString();
    }

    // ---------------------------------------------------------------------------------------------------- structure

    private void document(Object value) {
        node(value, true, false, false, false);
        writeIndent(); // document end
        if (openEnded) {
            writeIndicator("...", true, false, false);
            writeIndent();
        }
    }

    private void node(Object value, boolean root, boolean sequence, boolean mapping, boolean simpleKey) {
        if (isCollection(value)) {
            String anchor = anchors.get(value);
            if (anchor != null && emitted.containsKey(value)) {
                writeIndicator("*" + anchor, true, false, false);
                return;
            }
            if (anchor != null) {
                emitted.put(value, Boolean.TRUE);
                writeIndicator("&" + anchor, true, false, false);
            }
            if (value instanceof Set<?>) {
                writeIndicator("!!set", true, false, false);
            }
            if (value instanceof List<?> list) {
                if (flowLevel > 0 || list.isEmpty()) {
                    emptyFlow("[", "]");
                } else {
                    blockSequence(list, mapping);
                }
            } else {
                Map<?, ?> map = asMap(value);
                if (flowLevel > 0 || map.isEmpty()) {
                    emptyFlow("{", "}");
                } else {
                    blockMapping(map);
                }
            }
            return;
        }
        Scalar s = scalar(value);
        increaseIndent(true, false);
        Analysis a = analyze(s.cps);
        char style = chooseStyle(s, a, simpleKey);
        boolean tagOmitted = (style == 0 && s.implicitPlain()) || (style != 0 && s.tag.equals(STR));
        if (!tagOmitted) {
            writeIndicator(shortTag(s.tag), true, false, false);
        }
        boolean split = !simpleKey;
        switch (style) {
            case '"' -> writeDoubleQuoted(s.cps, split);
            case '\'' -> writeSingleQuoted(s.cps, split);
            case '|' -> writeLiteral(s.cps);
            default -> writePlain(s.cps, split, root);
        }
        indent = indents.pop().orElseNull();
    }

    private void emptyFlow(String open, String close) {
        writeIndicator(open, true, true, false);
        flowLevel++;
        increaseIndent(true, false);
        indent = indents.pop().orElseNull();
        flowLevel--;
        writeIndicator(close, false, false, false);
    }

    private void blockSequence(List<?> list, boolean mappingContext) {
        boolean indentless = mappingContext && !indention;
        increaseIndent(false, indentless);
        for (Object item : list) {
            writeIndent();
            writeIndicator("-", true, false, true);
            node(item, false, true, false, false);
        }
        indent = indents.pop().orElseNull();
    }

    private void blockMapping(Map<?, ?> map) {
        increaseIndent(false, false);
        for (Map.Entry<?, ?> e : map.entrySet()) {
            writeIndent();
            if (simpleKey(e.getKey())) {
                node(e.getKey(), false, false, true, true);
                writeIndicator(":", false, false, false);
            } else {
                writeIndicator("?", true, false, true);
                node(e.getKey(), false, false, true, false);
                writeIndent();
                writeIndicator(":", true, false, true);
            }
            node(e.getValue(), false, false, true, false);
        }
        indent = indents.pop().orElseNull();
    }

    /** PyYAML's {@code check_simple_key}. */
    private boolean simpleKey(Object key) {
        if (isCollection(key)) {
            String anchor = anchors.get(key);
            if (anchor != null && emitted.containsKey(key)) {
                return anchor.length() < 128; // an alias
            }
            int length = anchor == null ? 0 : anchor.length();
            if (key instanceof Set<?>) {
                length += "!!set".length();
            }
            boolean empty = key instanceof List<?> l ? l.isEmpty() : asMap(key).isEmpty();
            return length < 128 && empty;
        }
        Scalar s = scalar(key);
        Analysis a = analyze(s.cps);
        int length = s.cps.length;
        char style = chooseStyle(s, a, true);
        boolean tagOmitted = (style == 0 && s.implicitPlain()) || (style != 0 && s.tag.equals(STR));
        if (!tagOmitted) {
            length += shortTag(s.tag).length();
        }
        return length < 128 && !a.empty && !a.multiline;
    }

    private void increaseIndent(boolean flow, boolean indentless) {
        indents.push(Opt.of(indent));
        if (indent == null) {
            indent = flow ? BEST_INDENT : 0;
        } else if (!indentless) {
            indent += BEST_INDENT;
        }
    }

    // ---------------------------------------------------------------------------------------------------- anchors

    private void findAnchors(Object value, IdentityHashMap<Object, Boolean> seen, int[] serial) {
        if (!isCollection(value)) {
            return;
        }
        if (seen.containsKey(value)) {
            if (!anchors.containsKey(value)) {
                serial[0]++;
                anchors.put(value, String.format("id%03d", serial[0]));
            }
            return;
        }
        seen.put(value, Boolean.TRUE);
        if (value instanceof List<?> l) {
            for (Object o : l) {
                findAnchors(o, seen, serial);
            }
        } else {
            for (Map.Entry<?, ?> e : asMap(value).entrySet()) {
                findAnchors(e.getKey(), seen, serial);
                findAnchors(e.getValue(), seen, serial);
            }
        }
    }

    private static boolean isCollection(Object v) {
        return v instanceof Map<?, ?> || v instanceof List<?> || v instanceof Set<?>;
    }

    private static Map<?, ?> asMap(Object v) {
        if (v instanceof Map<?, ?> m) {
            return m;
        }
        Map<Object, Object> m = new LinkedHashMap<>();
        for (Object o : (Set<?>) v) {
            m.put(o, null);
        }
        return m;
    }

    // ---------------------------------------------------------------------------------------------------- scalars

    /** A scalar to write: its tag, its text as code points, and a style hint (0 = none, '|' = literal). */
    private record Scalar(String tag, String text, int[] cps, char style) {
        Scalar(String tag, String text, char style) {
            this(tag, text, text.codePoints().toArray(), style);
        }

        /** The plain text resolves back to this scalar's tag, so a plain scalar needs no tag. */
        boolean implicitPlain() {
            return tag.equals(PyYamlResolver.resolvePlain(text));
        }
    }

    private static Scalar scalar(Object v) {
        String p = "tag:yaml.org,2002:";
        return switch (v) {
            case null -> new Scalar(p + "null", "null", (char) 0);
            case String s -> new Scalar(STR, s, (char) 0);
            case Boolean b -> new Scalar(p + "bool", b ? "true" : "false", (char) 0);
            case Integer i -> new Scalar(p + "int", i.toString(), (char) 0);
            case Long l -> new Scalar(p + "int", l.toString(), (char) 0);
            case Short s -> new Scalar(p + "int", s.toString(), (char) 0);
            case Byte b -> new Scalar(p + "int", b.toString(), (char) 0);
            case BigInteger b -> new Scalar(p + "int", b.toString(), (char) 0);
            case Double d -> new Scalar(p + "float", floatText(d), (char) 0);
            case Float f -> new Scalar(p + "float", floatText(f.doubleValue()), (char) 0);
            case BigDecimal b -> new Scalar(p + "float", floatText(b.doubleValue()), (char) 0);
            case LocalDate d -> new Scalar(p + "timestamp", d.toString(), (char) 0);
            case LocalDateTime t -> new Scalar(p + "timestamp", PyTime.isoformat(t), (char) 0);
            case OffsetDateTime t -> new Scalar(p + "timestamp", PyTime.isoformat(t), (char) 0);
            case byte[] b -> new Scalar(p + "binary", base64Lines(b), '|');
            default -> throw new YamlException("cannot write a " + v.getClass().getName() + " as YAML: use strings, "
                    + "numbers, booleans, dates, lists and maps");
        };
    }

    /** PyYAML's {@code represent_float}: {@code repr}, lower case, {@code 1.0e-05} rather than {@code 1e-05}. */
    static String floatText(double d) {
        if (Double.isNaN(d)) {
            return ".nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? ".inf" : "-.inf";
        }
        String value = dev.skiff.format.json.PyValues.floatRepr(d).toLowerCase(java.util.Locale.ROOT);
        if (!value.contains(".") && value.contains("e")) {
            value = value.replaceFirst("e", ".0e");
        }
        return value;
    }

    private static String shortTag(String tag) {
        String p = "tag:yaml.org,2002:";
        return tag.startsWith(p) ? "!!" + tag.substring(p.length()) : "!<" + tag + ">";
    }

    /** Python's {@code base64.encodebytes}: lines of 76 characters, each ending in a newline. */
    private static String base64Lines(byte[] data) {
        String b = Base64.getEncoder().encodeToString(data);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b.length(); i += 76) {
            sb.append(b, i, Math.min(b.length(), i + 76)).append('\n');
        }
        return sb.toString();
    }

    private record Analysis(boolean empty, boolean multiline, boolean allowFlowPlain, boolean allowBlockPlain,
                            boolean allowSingleQuoted, boolean allowBlock) {
    }

    private static boolean isBreak(int ch) {
        return ch == '\n' || ch == 0x85 || ch == 0x2028 || ch == 0x2029;
    }

    private static boolean isSpaceOrBreakOrEnd(int ch) {
        return ch == 0 || ch == ' ' || ch == '\t' || ch == '\r' || isBreak(ch);
    }

    /** PyYAML's {@code analyze_scalar} (with allow_unicode). */
    private static Analysis analyze(int[] s) {
        int n = s.length;
        if (n == 0) {
            return new Analysis(true, false, false, true, true, false);
        }
        boolean blockIndicators = false;
        boolean flowIndicators = false;
        boolean lineBreaks = false;
        boolean special = false;
        boolean leadingSpace = false;
        boolean leadingBreak = false;
        boolean trailingSpace = false;
        boolean trailingBreak = false;
        boolean breakSpace = false;
        boolean spaceBreak = false;
        if (startsWith(s, "---") || startsWith(s, "...")) {
            blockIndicators = true;
            flowIndicators = true;
        }
        boolean precededByWhitespace = true;
        boolean followedByWhitespace = n == 1 || isSpaceOrBreakOrEnd(s[1]);
        boolean previousSpace = false;
        boolean previousBreak = false;
        for (int i = 0; i < n; i++) {
            int ch = s[i];
            if (i == 0) {
                if ("#,[]{}&*!|>'\"%@`".indexOf(ch) >= 0) {
                    flowIndicators = true;
                    blockIndicators = true;
                }
                if (ch == '?' || ch == ':') {
                    flowIndicators = true;
                    if (followedByWhitespace) {
                        blockIndicators = true;
                    }
                }
                if (ch == '-' && followedByWhitespace) {
                    flowIndicators = true;
                    blockIndicators = true;
                }
            } else {
                if (",?[]{}".indexOf(ch) >= 0) {
                    flowIndicators = true;
                }
                if (ch == ':') {
                    flowIndicators = true;
                    if (followedByWhitespace) {
                        blockIndicators = true;
                    }
                }
                if (ch == '#' && precededByWhitespace) {
                    flowIndicators = true;
                    blockIndicators = true;
                }
            }
            if (isBreak(ch)) {
                lineBreaks = true;
            }
            if (!(ch == '\n' || (ch >= 0x20 && ch <= 0x7E))) {
                boolean printableUnicode = (ch == 0x85 || (ch >= 0xA0 && ch <= 0xD7FF) || (ch >= 0xE000 && ch <= 0xFFFD)
                        || (ch >= 0x10000 && ch < 0x10FFFF)) && ch != 0xFEFF;
                if (!printableUnicode) {
                    special = true;
                }
            }
            if (ch == ' ') {
                if (i == 0) {
                    leadingSpace = true;
                }
                if (i == n - 1) {
                    trailingSpace = true;
                }
                if (previousBreak) {
                    breakSpace = true;
                }
                previousSpace = true;
                previousBreak = false;
            } else if (isBreak(ch)) {
                if (i == 0) {
                    leadingBreak = true;
                }
                if (i == n - 1) {
                    trailingBreak = true;
                }
                if (previousSpace) {
                    spaceBreak = true;
                }
                previousSpace = false;
                previousBreak = true;
            } else {
                previousSpace = false;
                previousBreak = false;
            }
            precededByWhitespace = isSpaceOrBreakOrEnd(ch);
            followedByWhitespace = i + 2 >= n || isSpaceOrBreakOrEnd(s[i + 2]);
        }
        boolean flowPlain = true;
        boolean blockPlain = true;
        boolean single = true;
        boolean block = true;
        if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
            flowPlain = blockPlain = false;
        }
        if (trailingSpace) {
            block = false;
        }
        if (breakSpace) {
            flowPlain = blockPlain = single = false;
        }
        if (spaceBreak || special) {
            flowPlain = blockPlain = single = block = false;
        }
        if (lineBreaks) {
            flowPlain = blockPlain = false;
        }
        if (flowIndicators) {
            flowPlain = false;
        }
        if (blockIndicators) {
            blockPlain = false;
        }
        return new Analysis(false, lineBreaks, flowPlain, blockPlain, single, block);
    }

    private static boolean startsWith(int[] s, String prefix) {
        if (s.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (s[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** PyYAML's {@code choose_scalar_style}: 0 for plain, or one of {@code ' " |}. */
    private char chooseStyle(Scalar s, Analysis a, boolean simpleKey) {
        if (s.style == 0 && s.implicitPlain()) {
            if (!(simpleKey && (a.empty || a.multiline))
                    && ((flowLevel > 0 && a.allowFlowPlain) || (flowLevel == 0 && a.allowBlockPlain))) {
                return 0;
            }
        }
        if (s.style == '|') {
            if (flowLevel == 0 && !simpleKey && a.allowBlock) {
                return '|';
            }
        }
        if (s.style == 0 || s.style == '\'') {
            if (a.allowSingleQuoted && !(simpleKey && a.multiline)) {
                return '\'';
            }
        }
        return '"';
    }

    // ---------------------------------------------------------------------------------------------------- writing

    private void write(String data, int codePoints) {
        out.append(data);
        column += codePoints;
    }

    private void write(int[] s, int start, int end) {
        for (int i = start; i < end; i++) {
            out.appendCodePoint(s[i]);
        }
        column += end - start;
    }

    private void writeIndicator(String indicator, boolean needWhitespace, boolean whitespaceAfter, boolean indentionAfter) {
        String data = whitespace || !needWhitespace ? indicator : " " + indicator;
        whitespace = whitespaceAfter;
        indention = indention && indentionAfter;
        openEnded = false;
        write(data, data.codePointCount(0, data.length()));
    }

    private void writeIndent() {
        int ind = indent == null ? 0 : indent;
        if (!indention || column > ind || (column == ind && !whitespace)) {
            writeLineBreak(null);
        }
        if (column < ind) {
            whitespace = true;
            out.append(" ".repeat(ind - column));
            column = ind;
        }
    }

    private void writeLineBreak(Integer br) {
        whitespace = true;
        indention = true;
        column = 0;
        if (br == null) {
            out.append(lineBreak);
        } else {
            out.appendCodePoint(br);
        }
    }

    private void writeBreaks(int[] s, int start, int end) {
        for (int i = start; i < end; i++) {
            writeLineBreak(s[i] == '\n' ? null : s[i]);
        }
    }

    private void writePlain(int[] text, boolean split, boolean root) {
        if (root) {
            openEnded = true;
        }
        if (text.length == 0) {
            return;
        }
        if (!whitespace) {
            write(" ", 1);
        }
        whitespace = false;
        indention = false;
        boolean spaces = false;
        boolean breaks = false;
        int start = 0;
        for (int end = 0; end <= text.length; end++) {
            int ch = end < text.length ? text[end] : -1;
            if (spaces) {
                if (ch != ' ') {
                    if (start + 1 == end && column > BEST_WIDTH && split) {
                        writeIndent();
                        whitespace = false;
                        indention = false;
                    } else {
                        write(text, start, end);
                    }
                    start = end;
                }
            } else if (breaks) {
                if (!isBreak(ch)) {
                    if (text[start] == '\n') {
                        writeLineBreak(null);
                    }
                    writeBreaks(text, start, end);
                    writeIndent();
                    whitespace = false;
                    indention = false;
                    start = end;
                }
            } else if (ch == -1 || ch == ' ' || isBreak(ch)) {
                write(text, start, end);
                start = end;
            }
            if (ch != -1) {
                spaces = ch == ' ';
                breaks = isBreak(ch);
            }
        }
    }

    private void writeSingleQuoted(int[] text, boolean split) {
        writeIndicator("'", true, false, false);
        boolean spaces = false;
        boolean breaks = false;
        int start = 0;
        for (int end = 0; end <= text.length; end++) {
            int ch = end < text.length ? text[end] : -1;
            if (spaces) {
                if (ch == -1 || ch != ' ') {
                    if (start + 1 == end && column > BEST_WIDTH && split && start != 0 && end != text.length) {
                        writeIndent();
                    } else {
                        write(text, start, end);
                    }
                    start = end;
                }
            } else if (breaks) {
                if (ch == -1 || !isBreak(ch)) {
                    if (text[start] == '\n') {
                        writeLineBreak(null);
                    }
                    writeBreaks(text, start, end);
                    writeIndent();
                    start = end;
                }
            } else if (ch == -1 || ch == ' ' || isBreak(ch) || ch == '\'') {
                if (start < end) {
                    write(text, start, end);
                    start = end;
                }
            }
            if (ch == '\'') {
                write("''", 2);
                start = end + 1;
            }
            if (ch != -1) {
                spaces = ch == ' ';
                breaks = isBreak(ch);
            }
        }
        writeIndicator("'", false, false, false);
    }

    private static String escape(int ch) {
        return switch (ch) {
            case 0 -> "0";
            case 0x07 -> "a";
            case 0x08 -> "b";
            case 0x09 -> "t";
            case 0x0A -> "n";
            case 0x0B -> "v";
            case 0x0C -> "f";
            case 0x0D -> "r";
            case 0x1B -> "e";
            case '"' -> "\"";
            case '\\' -> "\\";
            case 0x85 -> "N";
            case 0xA0 -> "_";
            case 0x2028 -> "L";
            case 0x2029 -> "P";
            default -> null;
        };
    }

    private void writeDoubleQuoted(int[] text, boolean split) {
        writeIndicator("\"", true, false, false);
        int start = 0;
        for (int end = 0; end <= text.length; end++) {
            int ch = end < text.length ? text[end] : -1;
            if (ch == -1 || ch == '"' || ch == '\\' || ch == 0x85 || ch == 0x2028 || ch == 0x2029 || ch == 0xFEFF
                    || !((ch >= 0x20 && ch <= 0x7E) || (ch >= 0xA0 && ch <= 0xD7FF) || (ch >= 0xE000 && ch <= 0xFFFD))) {
                if (start < end) {
                    write(text, start, end);
                    start = end;
                }
                if (ch != -1) {
                    String rep = escape(ch);
                    String data;
                    if (rep != null) {
                        data = "\\" + rep;
                    } else if (ch <= 0xFF) {
                        data = String.format("\\x%02X", ch);
                    } else if (ch <= 0xFFFF) {
                        data = String.format("\\u%04X", ch);
                    } else {
                        data = String.format("\\U%08X", ch);
                    }
                    write(data, data.length());
                    start = end + 1;
                }
            }
            if (end > 0 && end < text.length - 1 && (ch == ' ' || start >= end)
                    && column + (end - start) > BEST_WIDTH && split) {
                write(text, start, end);
                write("\\", 1);
                if (start < end) {
                    start = end;
                }
                writeIndent();
                whitespace = false;
                indention = false;
                if (text[start] == ' ') {
                    write("\\", 1);
                }
            }
        }
        writeIndicator("\"", false, false, false);
    }

    private void writeLiteral(int[] text) {
        String hints = blockHints(text);
        writeIndicator("|" + hints, true, false, false);
        if (hints.endsWith("+")) {
            openEnded = true;
        }
        writeLineBreak(null);
        boolean breaks = true;
        int start = 0;
        for (int end = 0; end <= text.length; end++) {
            int ch = end < text.length ? text[end] : -1;
            if (breaks) {
                if (ch == -1 || !isBreak(ch)) {
                    writeBreaks(text, start, end);
                    if (ch != -1) {
                        writeIndent();
                    }
                    start = end;
                }
            } else if (ch == -1 || isBreak(ch)) {
                for (int i = start; i < end; i++) {
                    out.appendCodePoint(text[i]);
                }
                if (ch == -1) {
                    writeLineBreak(null);
                }
                start = end;
            }
            if (ch != -1) {
                breaks = isBreak(ch);
            }
        }
    }

    private static String blockHints(int[] text) {
        StringBuilder hints = new StringBuilder();
        if (text.length > 0) {
            int first = text[0];
            if (first == ' ' || isBreak(first)) {
                hints.append(BEST_INDENT);
            }
            int last = text[text.length - 1];
            if (!isBreak(last)) {
                hints.append('-');
            } else if (text.length == 1 || isBreak(text[text.length - 2])) {
                hints.append('+');
            }
        }
        return hints.toString();
    }

    /** A nullable Integer that can live in an ArrayDeque (which refuses nulls). */
    private record Opt(Integer value) {
        static Opt of(Integer v) {
            return new Opt(v);
        }

        Integer orElseNull() {
            return value;
        }
    }
}
