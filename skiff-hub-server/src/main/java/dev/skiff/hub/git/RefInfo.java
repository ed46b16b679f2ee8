package dev.skiff.hub.git;

/**
 * A ref as {@code /refs} lists it.
 *
 * @param name         short name: {@code main}, {@code v1.0}, {@code 1} (for {@code refs/pr/1})
 * @param ref          full name: {@code refs/heads/main}
 * @param targetCommit the commit it points at (peeled for annotated tags)
 */
public record RefInfo(String name, String ref, String targetCommit) {
}
