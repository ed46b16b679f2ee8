package dev.skiff.format.node;

import dev.skiff.format.json.PyJsonWriter;

import java.util.regex.Pattern;

/** Path segments for node paths such as {@code root.steps[0][1].coef_}. */
public final class Paths {
    public static final String ROOT = "root";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Paths() {
    }

    /** {@code .name} for identifiers, {@code ["odd key"]} otherwise. */
    public static String key(String key) {
        return IDENTIFIER.matcher(key).matches() ? "." + key : "[" + PyJsonWriter.quote(key) + "]";
    }

    public static String index(int i) {
        return "[" + i + "]";
    }
}
