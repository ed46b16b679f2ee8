package dev.skiff.client.pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An allow list and an ignore list of glob patterns, applied as {@code huggingface_hub.utils.filter_repo_objects}
 * does: backslashes count as {@code /}; a pattern ending in {@code /} gets {@code *} added (a folder means everything
 * in it); {@code *} matches any run of characters including {@code /}; {@code ?} one character; {@code [abc]},
 * {@code [a-z]} and {@code [!abc]} as in Python's {@code fnmatch}; matching is case-sensitive. A path is kept when the
 * allow list is absent or one of its patterns matches, and no ignore pattern matches.
 */
public final class RepoPatterns {
    private final List<Pattern> allow;
    private final List<Pattern> ignore;

    private RepoPatterns(List<Pattern> allow, List<Pattern> ignore) {
        this.allow = allow;
        this.ignore = ignore;
    }

    /** Patterns from the two lists; null means "no list" (an empty allow list keeps nothing, as in Python). */
    public static RepoPatterns of(List<String> allowPatterns, List<String> ignorePatterns) {
        return new RepoPatterns(compile(allowPatterns), compile(ignorePatterns));
    }

    /** Keeps every path. */
    public static RepoPatterns all() {
        return new RepoPatterns(null, null);
    }

    /** Whether {@code path} is selected. */
    public boolean test(String path) {
        String p = path.replace('\\', '/');
        if (allow != null && allow.stream().noneMatch(r -> r.matcher(p).matches())) {
            return false;
        }
        return ignore == null || ignore.stream().noneMatch(r -> r.matcher(p).matches());
    }

    /** The selected paths of {@code paths}, in order. */
    public List<String> filter(List<String> paths) {
        return paths.stream().filter(this::test).toList();
    }

    private static List<Pattern> compile(List<String> patterns) {
        if (patterns == null) {
            return null;
        }
        List<Pattern> out = new ArrayList<>();
        for (String p : patterns) {
            String q = p.replace('\\', '/');
            if (q.endsWith("/")) {
                q = q + "*";
            }
            out.add(glob(q));
        }
        return out;
    }

    /** Python's {@code fnmatch.translate}: the whole string must match, {@code .} matches newlines too. */
    static Pattern glob(String pat) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        int n = pat.length();
        while (i < n) {
            char c = pat.charAt(i++);
            if (c == '*') {
                while (i < n && pat.charAt(i) == '*') {
                    i++;
                }
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < n && pat.charAt(j) == '!') {
                    j++;
                }
                if (j < n && pat.charAt(j) == ']') {
                    j++;
                }
                while (j < n && pat.charAt(j) != ']') {
                    j++;
                }
                if (j >= n) {
                    re.append("\\[");
                } else {
                    String body = pat.substring(i, j);
                    i = j + 1;
                    re.append(charClass(body));
                }
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    /**
     * The body of {@code [...]} as a Java character class, as Python's {@code fnmatch.translate} builds it: the body is
     * cut at the {@code -} of each range, reversed ranges ({@code z-a}) are dropped, an empty set matches nothing and
     * a lone {@code !} any character.
     */
    private static String charClass(String body) {
        List<String> chunks = new ArrayList<>();
        if (body.indexOf('-') < 0) {
            chunks.add(body);
        } else {
            int i = 0;
            int k = body.startsWith("!") ? 2 : 1;
            while (true) {
                k = k <= body.length() ? body.indexOf('-', k) : -1;
                if (k < 0) {
                    break;
                }
                chunks.add(body.substring(i, k));
                i = k + 1;
                k = k + 3;
            }
            String last = body.substring(i);
            if (!last.isEmpty()) {
                chunks.add(last);
            } else {
                chunks.set(chunks.size() - 1, chunks.get(chunks.size() - 1) + "-");
            }
            for (int c = chunks.size() - 1; c > 0; c--) {
                String prev = chunks.get(c - 1);
                String cur = chunks.get(c);
                if (prev.charAt(prev.length() - 1) > cur.charAt(0)) {
                    chunks.set(c - 1, prev.substring(0, prev.length() - 1) + cur.substring(1));
                    chunks.remove(c);
                }
            }
        }
        // chunks are joined by range dashes; the dashes inside a chunk are literal
        StringBuilder set = new StringBuilder();
        boolean negate = false;
        for (int c = 0; c < chunks.size(); c++) {
            String chunk = chunks.get(c);
            if (c > 0) {
                set.append('-');
            }
            for (int k = 0; k < chunk.length(); k++) {
                char ch = chunk.charAt(k);
                if (c == 0 && k == 0 && ch == '!') {
                    negate = true;
                } else if (Character.isLetterOrDigit(ch)) {
                    set.append(ch);
                } else {
                    set.append('\\').append(ch);
                }
            }
        }
        if (set.isEmpty()) {
            return negate ? "." : "(?!)";
        }
        return "[" + (negate ? "^" : "") + set + "]";
    }
}
