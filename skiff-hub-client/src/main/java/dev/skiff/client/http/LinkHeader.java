package dev.skiff.client.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 8288 {@code Link} headers, read the way the Python client's HTTP library does ({@code httpx}'s
 * {@code parse_header_links}): the links are split at {@code ", <"}, each gives its URL and {@code key=value}
 * parameters, and a link is known by its {@code rel} (or its URL when it has none). Pages are followed through
 * {@code rel="next"}.
 */
public final class LinkHeader {
    private static final String TRIM = " '\"";

    private LinkHeader() {
    }

    /** One link: its URL and parameters (such as {@code rel}). */
    public record Link(String url, Map<String, String> params) {
    }

    /** Every link of the (comma-joined) header values, in order. */
    public static List<Link> parse(List<String> values) {
        List<Link> out = new ArrayList<>();
        if (values == null || values.isEmpty()) {
            return out;
        }
        String value = strip(String.join(", ", values), TRIM);
        if (value.isEmpty()) {
            return out;
        }
        for (String val : value.split(", *<")) {
            int semi = val.indexOf(';');
            String url = semi < 0 ? val : val.substring(0, semi);
            String params = semi < 0 ? "" : val.substring(semi + 1);
            Map<String, String> p = new LinkedHashMap<>();
            for (String param : params.split(";", -1)) {
                String[] kv = param.split("=", -1);
                if (kv.length != 2) {
                    break;
                }
                p.put(strip(kv[0], TRIM), strip(kv[1], TRIM));
            }
            out.add(new Link(strip(url, "<> '\""), p));
        }
        return out;
    }

    /** The URL of the link whose {@code rel} is {@code rel}, or null. Later links with the same rel win, as in httpx. */
    public static String find(List<String> values, String rel) {
        String found = null;
        for (Link l : parse(values)) {
            String r = l.params().get("rel");
            String key = r == null || r.isEmpty() ? l.url() : r;
            if (key.equals(rel)) {
                found = l.url();
            }
        }
        return found;
    }

    /** Python's {@code str.strip(chars)}. */
    static String strip(String s, String chars) {
        int i = 0;
        int j = s.length();
        while (i < j && chars.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        while (j > i && chars.indexOf(s.charAt(j - 1)) >= 0) {
            j--;
        }
        return s.substring(i, j);
    }
}
