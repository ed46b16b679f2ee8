package dev.skiff.format.npy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parser for the subset of Python literals a {@code .npy} header uses: dicts with string keys, strings in
 * either quote style (optionally with a {@code u} prefix) with escapes, decimal integers, {@code True}/{@code False}, tuples and lists, nested.
 * Values come back as {@link String}, {@link BigInteger}, {@link Boolean}, {@link Tuple}, {@link List} and
 * {@link Map} (in source order). Anything else is rejected.
 */
final class PyLiteral {

    /** A Python tuple. */
    record Tuple(List<Object> items) {
        Tuple {
            items = Collections.unmodifiableList(new ArrayList<>(items));
        }
    }

    static final int MAX_DEPTH = 32;
    private static final int MAX_INT_DIGITS = 40;

    private final String src;
    private int pos;

    private PyLiteral(String src) {
        this.src = src;
    }

    /** Parses one literal that must span the whole text apart from surrounding whitespace. */
    static Object parse(String text) throws NpyFormatException {
        PyLiteral p = new PyLiteral(text);
        Object value = p.value(0);
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("unexpected text after the literal");
        }
        return value;
    }

    private Object value(int depth) throws NpyFormatException {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels");
        }
        skipSpace();
        if (pos >= src.length()) {
            throw error("unexpected end of header");
        }
        char c = src.charAt(pos);
        return switch (c) {
            case '{' -> dict(depth);
            case '[' -> sequence(depth, ']');
            case '(' -> sequence(depth, ')');
            case '\'', '"' -> string();
            case '-', '+' -> signedInt();
            default -> {
                if (c >= '0' && c <= '9') {
                    yield integer(false);
                }
                if ((c == 'u' || c == 'U') && pos + 1 < src.length()
                        && (src.charAt(pos + 1) == '\'' || src.charAt(pos + 1) == '"')) {
                    pos++; // Python 3 accepts (and ignores) the u prefix that Python 2 numpy wrote
                    yield string();
                }
                if (Character.isLetter(c) || c == '_') {
                    yield name();
                }
                throw error("unexpected character " + PyRepr.str(String.valueOf(c)));
            }
        };
    }

    private Map<String, Object> dict(int depth) throws NpyFormatException {
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            int keyPos = pos;
            Object key = value(depth + 1);
            if (!(key instanceof String k)) {
                pos = keyPos;
                throw error("dict keys must be strings");
            }
            skipSpace();
            expect(':');
            Object v = value(depth + 1);
            if (map.containsKey(k)) {
                pos = keyPos;
                throw error("duplicate key " + PyRepr.str(k));
            }
            map.put(k, v);
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else if (peek() != '}') {
                throw error("expected ',' or '}' in dict");
            }
        }
    }

    /** A list, or for {@code (}: an empty tuple, a parenthesised value, or a tuple. */
    private Object sequence(int depth, char close) throws NpyFormatException {
        pos++;
        List<Object> items = new ArrayList<>();
        boolean sawComma = false;
        while (true) {
            skipSpace();
            if (peek() == close) {
                pos++;
                break;
            }
            items.add(value(depth + 1));
            skipSpace();
            if (peek() == ',') {
                pos++;
                sawComma = true;
            } else if (peek() != close) {
                throw error("expected ',' or '" + close + "'");
            }
        }
        if (close == ']') {
            return Collections.unmodifiableList(items);
        }
        if (items.size() == 1 && !sawComma) {
            return items.get(0);
        }
        return new Tuple(items);
    }

    private Object name() throws NpyFormatException {
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            pos++;
        }
        String word = src.substring(start, pos);
        return switch (word) {
            case "True" -> Boolean.TRUE;
            case "False" -> Boolean.FALSE;
            default -> {
                pos = start;
                throw error("unsupported name " + PyRepr.str(word) + " (only True and False are allowed)");
            }
        };
    }

    private BigInteger signedInt() throws NpyFormatException {
        boolean negative = src.charAt(pos) == '-';
        pos++;
        skipSpace();
        if (pos >= src.length() || src.charAt(pos) < '0' || src.charAt(pos) > '9') {
            throw error("expected a number after the sign");
        }
        return integer(negative);
    }

    private BigInteger integer(boolean negative) throws NpyFormatException {
        int start = pos;
        while (pos < src.length() && src.charAt(pos) >= '0' && src.charAt(pos) <= '9') {
            pos++;
        }
        String digits = src.substring(start, pos);
        if (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '.'
                || src.charAt(pos) == '_')) {
            pos = start;
            throw error("unsupported number literal (only plain decimal integers are allowed)");
        }
        if (digits.length() > 1 && digits.charAt(0) == '0' && !digits.matches("0+")) {
            pos = start;
            throw error("leading zeros in an integer literal");
        }
        if (digits.length() > MAX_INT_DIGITS) {
            pos = start;
            throw error("integer literal longer than " + MAX_INT_DIGITS + " digits");
        }
        BigInteger v = new BigInteger(digits);
        return negative ? v.negate() : v;
    }

    private String string() throws NpyFormatException {
        char quote = src.charAt(pos);
        int start = pos;
        pos++;
        if (src.startsWith(String.valueOf(quote).repeat(2), pos)) {
            pos = start;
            throw error("triple-quoted strings are not supported");
        }
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                pos = start;
                throw error("unterminated string");
            }
            char c = src.charAt(pos++);
            if (c == quote) {
                return sb.toString();
            }
            if (c == '\n' || c == '\r') {
                pos = start;
                throw error("unterminated string (line break inside)");
            }
            if (c == '\\') {
                escape(sb);
            } else {
                sb.append(c);
            }
        }
    }

    private void escape(StringBuilder sb) throws NpyFormatException {
        if (pos >= src.length()) {
            throw error("unterminated escape");
        }
        char c = src.charAt(pos++);
        switch (c) {
            case '\n' -> { } // line continuation
            case '\\', '\'', '"' -> sb.append(c);
            case 'a' -> sb.append('\u0007');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'v' -> sb.append('\u000b');
            case 'x' -> sb.appendCodePoint(hexDigits(2));
            case 'u' -> sb.appendCodePoint(hexDigits(4));
            case 'U' -> {
                int cp = hexDigits(8);
                if (cp < 0 || cp > Character.MAX_CODE_POINT) {
                    throw error("escape \\U" + Integer.toHexString(cp) + " is not a Unicode code point");
                }
                sb.appendCodePoint(cp);
            }
            case 'N' -> throw error("\\N{...} escapes are not supported");
            default -> {
                if (c >= '0' && c <= '7') {
                    int v = c - '0';
                    for (int i = 0; i < 2 && pos < src.length() && src.charAt(pos) >= '0' && src.charAt(pos) <= '7'; i++) {
                        v = v * 8 + (src.charAt(pos++) - '0');
                    }
                    sb.appendCodePoint(v);
                } else {
                    sb.append('\\').append(c); // Python keeps unknown escapes verbatim
                }
            }
        }
    }

    private int hexDigits(int n) throws NpyFormatException {
        if (pos + n > src.length()) {
            throw error("truncated \\x/\\u/\\U escape");
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            int d = Character.digit(src.charAt(pos + i), 16);
            if (d < 0 || src.charAt(pos + i) > 0x7f) {
                throw error("invalid hex digit in escape");
            }
            v = v * 16 + d;
        }
        pos += n;
        return v > Integer.MAX_VALUE ? -1 : (int) v;
    }

    private void skipSpace() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                return;
            }
            pos++;
        }
    }

    private char peek() throws NpyFormatException {
        if (pos >= src.length()) {
            throw error("unexpected end of header");
        }
        return src.charAt(pos);
    }

    private void expect(char c) throws NpyFormatException {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private NpyFormatException error(String what) {
        int from = Math.max(0, pos - 20);
        int to = Math.min(src.length(), pos + 20);
        return new NpyFormatException("cannot parse .npy header: " + what + " at offset " + pos + " near "
                + PyRepr.str(src.substring(from, to)));
    }
}
