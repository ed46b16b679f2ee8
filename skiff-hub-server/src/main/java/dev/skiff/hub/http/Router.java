package dev.skiff.hub.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes on the raw request path, split into segments that are each percent-decoded exactly once, so
 * {@code refs%2Fpr%2F1} arrives as one segment {@code refs/pr/1}. Patterns are literal segments,
 * {@code {name}} (one segment) and a final {@code {name*}} (the rest, joined with '/', possibly empty).
 */
public final class Router {
    /** Handles a matched request. */
    @FunctionalInterface
    public interface Handler {
        void handle(Exchange ex, Map<String, String> params) throws Exception;
    }

    record Route(String method, String[] pattern, Handler handler) {
    }

    /** A matched route and its parameters. */
    public record Match(Handler handler, Map<String, String> params) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Router add(String method, String pattern, Handler h) {
        String p = pattern.startsWith("/") ? pattern.substring(1) : pattern;
        routes.add(new Route(method, p.isEmpty() ? new String[0] : p.split("/", -1), h));
        return this;
    }

    /** The first route matching; HEAD also matches GET routes. {@code allowed} collects methods of path matches. */
    public Match match(String method, List<String> segments, List<String> allowed) {
        for (Route r : routes) {
            Map<String, String> params = bind(r.pattern(), segments);
            if (params == null) {
                continue;
            }
            if (r.method().equals(method) || ("HEAD".equals(method) && "GET".equals(r.method()) && !hasHead(segments))) {
                return new Match(r.handler(), params);
            }
            allowed.add(r.method());
        }
        return null;
    }

    private boolean hasHead(List<String> segments) {
        for (Route r : routes) {
            if (r.method().equals("HEAD") && bind(r.pattern(), segments) != null) {
                return true;
            }
        }
        return false;
    }

    static Map<String, String> bind(String[] pattern, List<String> seg) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{") && p.endsWith("*}")) {
                if (i != pattern.length - 1) {
                    throw new IllegalStateException("a rest parameter must come last: " + String.join("/", pattern));
                }
                params.put(p.substring(1, p.length() - 2), String.join("/", seg.subList(Math.min(i, seg.size()), seg.size())));
                return i <= seg.size() ? params : null;
            }
            if (i >= seg.size()) {
                return null;
            }
            if (p.startsWith("{") && p.endsWith("}")) {
                String v = seg.get(i);
                if (v.isEmpty()) {
                    return null;
                }
                params.put(p.substring(1, p.length() - 1), v);
            } else if (!p.equals(seg.get(i))) {
                return null;
            }
        }
        return pattern.length == seg.size() ? params : null;
    }

    /** Splits a raw path into decoded segments; a malformed escape is a 400. */
    public static List<String> segments(String rawPath) {
        String p = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        List<String> out = new ArrayList<>();
        if (p.isEmpty()) {
            return out;
        }
        for (String s : p.split("/", -1)) {
            out.add(decode(s));
        }
        return out;
    }

    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        byte[] buf = new byte[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw HubException.badRequest("malformed percent-escape in path segment \"" + s + "\"");
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw HubException.badRequest("malformed percent-escape in path segment \"" + s + "\"");
                }
                buf[n++] = (byte) (hi << 4 | lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                for (byte x : b) {
                    buf[n++] = x;
                }
            }
        }
        return new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8);
    }
}
