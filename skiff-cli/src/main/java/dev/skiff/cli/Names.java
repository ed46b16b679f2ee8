package dev.skiff.cli;

import java.util.regex.Pattern;

/** The Hub's rule for user, organisation and repo names. */
final class Names {
    private static final Pattern OK = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,95}");

    private Names() {
    }

    static void check(String name) {
        if (!OK.matcher(name).matches() || name.contains("--") || name.contains("..")) {
            throw new IllegalArgumentException("\"" + name + "\" is not a valid name (letters, digits, - _ . ; at most 96; no -- or ..)");
        }
    }
}
