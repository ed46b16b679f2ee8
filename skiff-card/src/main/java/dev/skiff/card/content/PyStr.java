package dev.skiff.card.content;

import dev.skiff.card.yaml.PyTime;
import dev.skiff.format.json.PyValues;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Python's {@code str()} and {@code repr()} of the values a card table holds, so a table written by Skiff reads like
 * one written by skops: {@code 1.0}, {@code 1e-05}, {@code True}, {@code None}, {@code ['a', 'b']}.
 */
public final class PyStr {
    private PyStr() {
    }

    /** {@code str(value)}. */
    public static String str(Object value) {
        return switch (value) {
            case null -> "None";
            case String s -> s;
            case Boolean b -> b ? "True" : "False";
            case Double d -> floatStr(d);
            case Float f -> floatStr(f.doubleValue());
            case LocalDate d -> d.toString();
            case LocalDateTime t -> PyTime.isoformat(t);
            case OffsetDateTime t -> PyTime.isoformat(t);
            case Character c -> c.toString();
            case List<?> l -> seq(l, "[", "]");
            case Set<?> s -> s.isEmpty() ? "set()" : seq(s, "{", "}");
            case Map<?, ?> m -> map(m);
            default -> value.toString();
        };
    }

    /** {@code repr(value)}: strings quoted as Python quotes them, everything else as {@link #str}. */
    public static String repr(Object value) {
        if (value instanceof String s) {
            return reprString(s);
        }
        if (value instanceof Character c) {
            return reprString(c.toString());
        }
        return str(value);
    }

    private static String floatStr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        return PyValues.floatRepr(d);
    }

    private static String seq(Collection<?> c, String open, String close) {
        StringBuilder sb = new StringBuilder(open);
        Iterator<?> it = c.iterator();
        while (it.hasNext()) {
            sb.append(repr(it.next()));
            if (it.hasNext()) {
                sb.append(", ");
            }
        }
        return sb.append(close).toString();
    }

    private static String map(Map<?, ?> m) {
        StringBuilder sb = new StringBuilder("{");
        Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> e = it.next();
            sb.append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
            if (it.hasNext()) {
                sb.append(", ");
            }
        }
        return sb.append('}').toString();
    }

    /** Python's string repr: single quotes unless the text has a single quote and no double quote. */
    static String reprString(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(quote);
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (cp == quote) {
                        sb.append('\\').appendCodePoint(cp);
                    } else if (printable(cp)) {
                        sb.appendCodePoint(cp);
                    } else if (cp < 0x100) {
                        sb.append(String.format("\\x%02x", cp));
                    } else if (cp < 0x10000) {
                        sb.append(String.format("\\u%04x", cp));
                    } else {
                        sb.append(String.format("\\U%08x", cp));
                    }
                }
            }
        });
        return sb.append(quote).toString();
    }

    /** Close to Python's {@code str.isprintable} for one character. */
    private static boolean printable(int cp) {
        if (cp == ' ') {
            return true;
        }
        int t = Character.getType(cp);
        return !(t == Character.CONTROL || t == Character.FORMAT || t == Character.UNASSIGNED
                || t == Character.SURROGATE || t == Character.PRIVATE_USE || t == Character.SPACE_SEPARATOR
                || t == Character.LINE_SEPARATOR || t == Character.PARAGRAPH_SEPARATOR);
    }
}
