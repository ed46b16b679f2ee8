package dev.skiff.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings the Python client reads from its environment, resolved the same way ({@code huggingface_hub.constants}
 * and {@code utils._auth.get_token}):
 *
 * <ul>
 *   <li>{@code HF_ENDPOINT} (default {@code https://huggingface.co}, trailing {@code /} removed);</li>
 *   <li>{@code HF_HOME} (default {@code $XDG_CACHE_HOME/huggingface}, else {@code ~/.cache/huggingface});</li>
 *   <li>{@code HF_HUB_CACHE} (legacy {@code HUGGINGFACE_HUB_CACHE}; default {@code $HF_HOME/hub});</li>
 *   <li>{@code HF_TOKEN_PATH} (default {@code $HF_HOME/token});</li>
 *   <li>the token: {@code HF_TOKEN}, then {@code HUGGING_FACE_HUB_TOKEN}, then the token file, whitespace stripped;
 *       {@code HF_HUB_DISABLE_IMPLICIT_TOKEN=1} stops it from being sent unless given explicitly;</li>
 *   <li>{@code HF_HUB_OFFLINE} (or {@code TRANSFORMERS_OFFLINE}) in {@code 1/ON/YES/TRUE}: offline mode;</li>
 *   <li>{@code HF_HUB_ETAG_TIMEOUT} and {@code HF_HUB_DOWNLOAD_TIMEOUT} in seconds (default 10 each).</li>
 * </ul>
 *
 * Paths get {@code ~} and {@code $VAR}/{@code ${VAR}} expanded, like Python's {@code expanduser}/{@code expandvars}.
 * {@link #fromSystem()} also honours Java system properties of the same names (they win), since a running JVM cannot
 * change its environment.
 *
 * @param endpoint              the hub's base URL, without a trailing slash
 * @param hfHome                {@code HF_HOME}
 * @param hubCache              the download cache ({@code HF_HUB_CACHE})
 * @param tokenPath             the token file ({@code HF_TOKEN_PATH})
 * @param token                 the token found, or null
 * @param implicitTokenDisabled {@code HF_HUB_DISABLE_IMPLICIT_TOKEN}: the found token is not sent by default
 * @param offline               offline mode
 * @param etagTimeout           timeout of the metadata HEAD of a download
 * @param downloadTimeout       how long a download may receive nothing before it is retried
 */
public record HubEnvironment(String endpoint, Path hfHome, Path hubCache, Path tokenPath, String token,
                             boolean implicitTokenDisabled, boolean offline, Duration etagTimeout,
                             Duration downloadTimeout) {
    /** The public Hub. */
    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";
    private static final Set<String> TRUE = Set.of("1", "ON", "YES", "TRUE");
    private static final Pattern VAR = Pattern.compile("\\$(\\w+|\\{[^}]*})");

    /** The names read from the environment (and, by {@link #fromSystem()}, from system properties). */
    public static final Set<String> VARIABLES = Set.of("HF_ENDPOINT", "HF_HOME", "XDG_CACHE_HOME", "HF_HUB_CACHE",
            "HUGGINGFACE_HUB_CACHE", "HF_TOKEN_PATH", "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN",
            "HF_HUB_DISABLE_IMPLICIT_TOKEN", "HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_HUB_ETAG_TIMEOUT",
            "HF_HUB_DOWNLOAD_TIMEOUT");

    /** This process's environment, overridden by system properties of the same names. */
    public static HubEnvironment fromSystem() {
        Map<String, String> env = new HashMap<>(System.getenv());
        for (String name : VARIABLES) {
            String v = System.getProperty(name);
            if (v != null) {
                env.put(name, v);
            }
        }
        return from(env, Path.of(System.getProperty("user.home")));
    }

    /** The settings {@code env} describes, {@code ~} being {@code userHome}; the token file is read if needed. */
    public static HubEnvironment from(Map<String, String> env, Path userHome) {
        String endpoint = nonEmpty(env.get("HF_ENDPOINT"));
        endpoint = (endpoint == null ? DEFAULT_ENDPOINT : endpoint).replaceAll("/+$", "");
        String xdg = nonEmpty(env.get("XDG_CACHE_HOME"));
        String homeSpec = env.getOrDefault("HF_HOME",
                (xdg != null ? xdg : userHome.resolve(".cache").toString()) + "/huggingface");
        Path hfHome = expand(homeSpec, env, userHome);
        String legacyCache = env.get("HUGGINGFACE_HUB_CACHE");
        String cacheSpec = env.getOrDefault("HF_HUB_CACHE", legacyCache != null ? legacyCache : hfHome.resolve("hub").toString());
        Path hubCache = expand(cacheSpec, env, userHome);
        Path tokenPath = expand(env.getOrDefault("HF_TOKEN_PATH", hfHome.resolve("token").toString()), env, userHome);
        // Python: clean(HF_TOKEN or HUGGING_FACE_HUB_TOKEN) -- a blank but non-empty HF_TOKEN hides the legacy one
        String fromEnv = nonEmpty(env.get("HF_TOKEN"));
        String token = cleanToken(fromEnv != null ? fromEnv : env.get("HUGGING_FACE_HUB_TOKEN"));
        if (token == null) {
            token = readTokenFile(tokenPath);
        }
        String offlineVar = nonEmpty(env.get("HF_HUB_OFFLINE"));
        if (offlineVar == null) {
            offlineVar = env.get("TRANSFORMERS_OFFLINE");
        }
        return new HubEnvironment(endpoint, hfHome, hubCache, tokenPath, token,
                isTrue(env.get("HF_HUB_DISABLE_IMPLICIT_TOKEN")), isTrue(offlineVar),
                seconds(env.get("HF_HUB_ETAG_TIMEOUT"), 10), seconds(env.get("HF_HUB_DOWNLOAD_TIMEOUT"), 10));
    }

    /** A copy with another endpoint. */
    public HubEnvironment withEndpoint(String url) {
        return new HubEnvironment(url.replaceAll("/+$", ""), hfHome, hubCache, tokenPath, token, implicitTokenDisabled,
                offline, etagTimeout, downloadTimeout);
    }

    /** A copy with another cache folder. */
    public HubEnvironment withHubCache(Path dir) {
        return new HubEnvironment(endpoint, hfHome, dir, tokenPath, token, implicitTokenDisabled, offline, etagTimeout,
                downloadTimeout);
    }

    /** A copy with another token (null: none). */
    public HubEnvironment withToken(String t) {
        return new HubEnvironment(endpoint, hfHome, hubCache, tokenPath, cleanToken(t), false, offline, etagTimeout,
                downloadTimeout);
    }

    /** A copy with offline mode set. */
    public HubEnvironment withOffline(boolean on) {
        return new HubEnvironment(endpoint, hfHome, hubCache, tokenPath, token, implicitTokenDisabled, on, etagTimeout,
                downloadTimeout);
    }

    /** {@code "1"}, {@code "ON"}, {@code "YES"}, {@code "TRUE"} in any case (Python's {@code _is_true}). */
    public static boolean isTrue(String v) {
        return v != null && TRUE.contains(v.toUpperCase(Locale.ROOT));
    }

    /** The token stripped of surrounding whitespace; null when nothing is left. */
    public static String cleanToken(String t) {
        if (t == null) {
            return null;
        }
        String s = t.strip();
        return s.isEmpty() ? null : s;
    }

    private static String readTokenFile(Path p) {
        try {
            return cleanToken(Files.readString(p, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | java.io.UncheckedIOException e) {
            return null; // an unreadable token file means: no token, as in Python
        }
    }

    private static String nonEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static Duration seconds(String v, int dflt) {
        if (v != null) {
            try {
                int n = Integer.parseInt(v.strip());
                if (n > 0) {
                    return Duration.ofSeconds(n);
                }
            } catch (NumberFormatException ignored) {
                // Python's _as_int: an unparsable value means the default
            }
        }
        return Duration.ofSeconds(dflt);
    }

    /** {@code os.path.expandvars(os.path.expanduser(s))}. */
    static Path expand(String s, Map<String, String> env, Path userHome) {
        String out = s;
        if (out.equals("~")) {
            out = userHome.toString();
        } else if (out.startsWith("~/")) {
            out = userHome + out.substring(1);
        }
        Matcher m = VAR.matcher(out);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            if (name.startsWith("{")) {
                name = name.substring(1, name.length() - 1);
            }
            String v = env.get(name);
            m.appendReplacement(b, Matcher.quoteReplacement(v != null ? v : m.group()));
        }
        m.appendTail(b);
        return Path.of(b.toString());
    }
}
