package dev.skiff.hub.repo;

import java.util.List;

/**
 * Where repository contents live, addressed by a storage id that never changes (renames and transfers only
 * touch metadata). This is what repository management needs; the file, commit and ref endpoints use the git
 * store behind it ({@link GitRepoStorage#git()}).
 * Implementations are thread-safe; failures are unchecked ({@link java.io.UncheckedIOException} for I/O).
 */
public interface RepoStorage {

    /**
     * Creates the repository with its first commit on {@code main}: a {@code .gitattributes} with the Hub's default
     * LFS patterns for {@code type} ({@code model}, {@code dataset} or {@code space}). Fails if it already exists.
     */
    void create(String storageId, String type);

    /** Removes the repository and everything in it; nothing happens if it does not exist. */
    void delete(String storageId);

    /** The commit {@code main} points at (40 lower-case hex), or null when there is no {@code main}. */
    String head(String storageId);

    /**
     * The commit (40 lower-case hex) a revision names, or null: a commit id, a branch, a tag, or a full ref name
     * ({@code refs/heads/x}, {@code refs/tags/x}, {@code refs/pr/N}, {@code refs/convert/x}).
     */
    String resolve(String storageId, String revision);

    /** The files at {@code commit}; with {@code blobs}, also sizes, blob ids and LFS details. */
    List<Sibling> siblings(String storageId, String commit, boolean blobs);
}
