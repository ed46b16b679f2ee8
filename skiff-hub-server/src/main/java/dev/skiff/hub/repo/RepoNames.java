package dev.skiff.hub.repo;

import dev.skiff.hub.http.HubException;

import java.util.regex.Pattern;

/**
 * The Hub's rule for namespace and repo names, as the Python client validates {@code repo_id}: 1 to 96 of
 * {@code [A-Za-z0-9_.-]}, not starting or ending with {@code -} or {@code .}, no {@code --} or {@code ..}, and no
 * {@code .git} ending.
 */
public final class RepoNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,94}[A-Za-z0-9_])?");

    private RepoNames() {
    }

    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches() && !name.contains("--") && !name.contains("..")
                && !name.endsWith(".git");
    }

    /** A {@code namespace/name} repo id split in two, each part checked; a 400 otherwise. */
    public static String[] parseId(String repoId) {
        String[] parts = repoId == null ? new String[0] : repoId.split("/", -1);
        if (parts.length != 2) {
            throw HubException.badRequest("Invalid repo id \"" + repoId + "\": expected namespace/name");
        }
        check("namespace", parts[0]);
        check("repo name", parts[1]);
        return parts;
    }

    /** {@code name}, or a 400 saying what is wrong with it. */
    public static String check(String what, String name) {
        if (!isValid(name)) {
            throw HubException.badRequest("Invalid " + what + " \"" + name + "\": use 1 to 96 letters, digits, '-', '_' or"
                    + " '.', not starting or ending with '-' or '.', without '--' or '..', not ending in '.git'");
        }
        return name;
    }
}
