package dev.skiff.format.json;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes JSON text byte-for-byte as Python's {@code json.dumps(value, indent=2)} does: two-space indent,
 * {@code ", "}-free separators {@code ","} and {@code ": "}, {@code ensure_ascii} escapes with lower-case
 * hex, empty containers as {@code {}} and {@code []}, no trailing newline.
 */
public final class PyJsonWriter {
    private final StringBuilder out;
    private final Deque<int[]> counts = new ArrayDeque<>(); // per open container: items written so far
    private boolean afterKey;

    public PyJsonWriter(StringBuilder out) {
        this.out = out;
    }

    public PyJsonWriter beginObject() {
        beforeValue();
        out.append('{');
        counts.push(new int[]{0});
        return this;
    }

    public PyJsonWriter endObject() {
        return end('}');
    }

    public PyJsonWriter beginArray() {
        beforeValue();
        out.append('[');
        counts.push(new int[]{0});
        return this;
    }

    public PyJsonWriter endArray() {
        return end(']');
    }

    public PyJsonWriter key(String name) {
        newItem();
        quote(name, out);
        out.append(": ");
        afterKey = true;
        return this;
    }

    public PyJsonWriter string(String value) {
        beforeValue();
        quote(value, out);
        return this;
    }

    /** A number (or {@code NaN}/{@code Infinity}) written verbatim. */
    public PyJsonWriter number(String text) {
        beforeValue();
        out.append(text);
        return this;
    }

    public PyJsonWriter number(long value) {
        return number(Long.toString(value));
    }

    public PyJsonWriter bool(boolean value) {
        beforeValue();
        out.append(value ? "true" : "false");
        return this;
    }

    public PyJsonWriter nul() {
        beforeValue();
        out.append("null");
        return this;
    }

    /** Writes a parsed JSON value back in Python's layout. */
    public PyJsonWriter value(Json v) {
        switch (v) {
            case Json.JObject o -> {
                beginObject();
                o.fields().forEach((k, x) -> key(k).value(x));
                endObject();
            }
            case Json.JArray a -> {
                beginArray();
                a.items().forEach(this::value);
                endArray();
            }
            case Json.JString s -> string(s.value());
            case Json.JNumber n -> number(n.text());
            case Json.JBool b -> bool(b.value());
            case Json.JNull ignored -> nul();
        }
        return this;
    }

    private PyJsonWriter end(char close) {
        int n = counts.pop()[0];
        if (n > 0) {
            newline();
        }
        out.append(close);
        return this;
    }

    private void beforeValue() {
        if (afterKey) {
            afterKey = false;
        } else if (!counts.isEmpty()) {
            newItem();
        }
    }

    private void newItem() {
        int[] c = counts.peek();
        if (c == null) {
            return;
        }
        if (c[0]++ > 0) {
            out.append(',');
        }
        newline();
    }

    private void newline() {
        out.append('\n');
        out.append("  ".repeat(counts.size()));
    }

    /** Appends {@code s} as a JSON string literal with Python's {@code ensure_ascii=True} escaping. */
    public static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append("\\u");
                        String hex = Integer.toHexString(c);
                        out.append("0".repeat(4 - hex.length())).append(hex);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2);
        quote(s, b);
        return b.toString();
    }
}
