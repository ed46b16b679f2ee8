package dev.skiff.client;

import java.util.regex.Pattern;

/** The client-side rules for repo ids, as {@code huggingface_hub.utils._validators} checks them before any request. */
public final class RepoIds {
    private static final Pattern ID = Pattern.compile("(\\b[\\w\\-.]{1,96}\\b/)?\\b[\\w\\-.]{1,96}\\b");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    private RepoIds() {
    }

    /**
     * Checks {@code repoId} ({@code name} or {@code namespace/name}: letters, digits, {@code -_.}, at most 96 characters
     * per part, no {@code --} or {@code ..}) and returns it.
     *
     * @throws IllegalArgumentException when it breaks a rule
     */
    public static String check(String repoId) {
        if (repoId == null || repoId.isEmpty()) {
            throw new IllegalArgumentException("a repo id is required (namespace/name)");
        }
        if (repoId.chars().filter(c -> c == '/').count() > 1) {
            throw new IllegalArgumentException("repo id must be \"name\" or \"namespace/name\", not \"" + repoId + "\"");
        }
        if (!ID.matcher(repoId).matches() || repoId.contains("--") || repoId.contains("..") || repoId.endsWith(".git")) {
            throw new IllegalArgumentException("repo id \"" + repoId + "\" is not valid: use letters, digits, '-', '_'"
                    + " and '.' (not '--' or '..', at most 96 characters), optionally after \"namespace/\"");
        }
        return repoId;
    }

    /** True if {@code revision} is a full commit id (40 lower-case hex digits, {@code REGEX_COMMIT_HASH}). */
    public static boolean isCommitHash(String revision) {
        return revision != null && COMMIT.matcher(revision).matches();
    }
}
