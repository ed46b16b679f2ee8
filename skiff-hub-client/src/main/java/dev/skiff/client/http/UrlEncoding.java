package dev.skiff.client.http;

import java.nio.charset.StandardCharsets;

/** Percent-encoding exactly as Python's {@code urllib.parse.quote(s, safe=...)} does it (UTF-8, upper-case hex). */
public final class UrlEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UrlEncoding() {
    }

    /** {@code quote(s, safe="")}: every byte but letters, digits and {@code _.-~} is escaped, {@code /} too. */
    public static String quoteAll(String s) {
        return quote(s, "");
    }

    /** {@code quote(s)}: like {@link #quoteAll} but {@code /} is kept (paths). */
    public static String quotePath(String s) {
        return quote(s, "/");
    }

    /** {@code quote(s, safe)}. */
    public static String quote(String s, String safe) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder(bytes.length + 8);
        for (byte x : bytes) {
            int c = x & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-'
                    || c == '~' || c < 0x80 && safe.indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
            }
        }
        return b.toString();
    }

    /** {@code application/x-www-form-urlencoded} value encoding ({@code urlencode}): spaces become {@code +}. */
    public static String formValue(String s) {
        return quote(s, " ").replace(' ', '+');
    }
}
