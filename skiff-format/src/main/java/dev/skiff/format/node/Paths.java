package dev.skiff.format.node;

import dev.skiff.format.json.PyJsonWriter;


/** Path segments for node paths such as {@code root.steps[0][1].coef_}. */
public final class Paths {
    public static final String ROOT = "root";

    private Paths() {
    }

    /** {@code .name} for identifiers, {@code ["odd key"]} otherwise. */
    public static String key(String key) {
        return isIdentifier(key) ? "." + key : "[" + PyJsonWriter.quote(key) + "]";
    }

    private static boolean isIdentifier(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    public static String index(int i) {
        return "[" + i + "]";
    }
}
