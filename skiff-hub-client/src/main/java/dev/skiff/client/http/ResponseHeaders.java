package dev.skiff.client.http;

import java.net.http.HttpHeaders;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading the headers the hub protocol relies on, with the Python client's exact rules. */
public final class ResponseHeaders {
    private static final Pattern RATE_LIMIT = Pattern.compile("\"(\\w+)\"\\s*;\\s*r\\s*=\\s*(\\d+)\\s*;\\s*t\\s*=\\s*(\\d+)");
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(?:(\\d+)-(\\d+)|\\*)/(\\d+|\\*)");

    private ResponseHeaders() {
    }

    /**
     * {@code _normalize_etag}: drops leading {@code W} and {@code /} characters (Python's {@code lstrip("W/")}, a set
     * of characters, not a prefix) and then quotes at both ends. Null stays null.
     */
    public static String normalizeEtag(String etag) {
        if (etag == null) {
            return null;
        }
        int i = 0;
        while (i < etag.length() && (etag.charAt(i) == 'W' || etag.charAt(i) == '/')) {
            i++;
        }
        int j = etag.length();
        while (i < j && etag.charAt(i) == '"') {
            i++;
        }
        while (j > i && etag.charAt(j - 1) == '"') {
            j--;
        }
        return etag.substring(i, j);
    }

    /** The request id the hub echoed: {@code X-Request-Id}, else {@code X-Amzn-Trace-Id}, else {@code X-Amz-Cf-Id}. */
    public static String requestId(HttpHeaders h) {
        for (String name : new String[] {"X-Request-Id", "X-Amzn-Trace-Id", "X-Amz-Cf-Id"}) {
            String v = h.firstValue(name).orElse(null);
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }

    /** {@code Retry-After} in seconds when it is a plain non-negative number; null otherwise (dates are not used). */
    public static Long retryAfterSeconds(HttpHeaders h) {
        String v = h.firstValue("Retry-After").map(String::strip).orElse("");
        if (v.isEmpty() || !v.chars().allMatch(Character::isDigit)) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Seconds until the rate limit resets when {@code RateLimit: "name";r=0;t=N} says nothing is left; else null. */
    public static Long rateLimitResetSeconds(HttpHeaders h) {
        String v = h.firstValue("RateLimit").orElse(null);
        if (v == null) {
            return null;
        }
        Matcher m = RATE_LIMIT.matcher(v);
        if (!m.find() || Long.parseLong(m.group(2)) != 0) {
            return null;
        }
        return Long.parseLong(m.group(3));
    }

    /** The wait a 429/5xx asks for: the rate-limit reset on 429 when exhausted, else {@code Retry-After}; null if none. */
    public static Long serverWaitSeconds(int status, HttpHeaders h) {
        Long reset = status == 429 ? rateLimitResetSeconds(h) : null;
        return reset != null ? reset : retryAfterSeconds(h);
    }

    /** A parsed {@code Content-Range: bytes first-last/total} ({@code -1} where the header has {@code *}). */
    public record ContentRange(long first, long last, long total) {
    }

    /** The {@code Content-Range} header, or null when absent or unreadable. */
    public static ContentRange contentRange(String v) {
        if (v == null) {
            return null;
        }
        Matcher m = CONTENT_RANGE.matcher(v.strip());
        if (!m.matches()) {
            return null;
        }
        long total = m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
        if (m.group(1) == null) {
            return new ContentRange(-1, -1, total);
        }
        return new ContentRange(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), total);
    }

    /** A header as a long, or null when absent or not a number. */
    public static Long longHeader(HttpHeaders h, String name) {
        String v = h.firstValue(name).orElse(null);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
