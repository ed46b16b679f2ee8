package dev.skiff.hub.repo;

import dev.skiff.hub.git.FileEntry;
import dev.skiff.hub.git.GitStore;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link RepoStorage} over the {@link GitStore}: bare git repositories, one per storage id at
 * {@code <root>/<storageId>.git}, with {@code HEAD} on {@code refs/heads/main}. A repository is built in
 * {@code <root>/.tmp} and renamed into place, so a crash never leaves a half-made one under its real name.
 */
public final class GitRepoStorage implements RepoStorage {
    public static final String MAIN = GitStore.HEADS + GitStore.MAIN;

    private final GitStore git;

    /** Repositories live under {@code root} (the hub uses {@code <data>/git}). */
    public GitRepoStorage(Path root) {
        this.git = new GitStore(root);
    }

    /** The git store itself: trees, commits, refs. */
    public GitStore git() {
        return git;
    }

    /** The bare repository's directory. */
    public Path dir(String storageId) {
        return git.dir(storageId);
    }

    @Override
    public void create(String storageId, String type) {
        git.create(storageId, DefaultGitAttributes.content(type));
    }

    @Override
    public void delete(String storageId) {
        git.delete(storageId);
    }

    @Override
    public String head(String storageId) {
        return git.head(storageId);
    }

    @Override
    public String resolve(String storageId, String revision) {
        ObjectId id = git.resolve(storageId, revision);
        return id == null ? null : id.name();
    }

    @Override
    public List<Sibling> siblings(String storageId, String commit, boolean blobs) {
        List<Sibling> out = new ArrayList<>();
        for (FileEntry e : git.files(storageId, ObjectId.fromString(commit))) {
            if (!blobs) {
                out.add(new Sibling(e.path(), null, null, null));
            } else {
                out.add(new Sibling(e.path(), e.size(), e.oid(), e.lfs() == null ? null
                        : new Sibling.Lfs(e.lfs().size(), e.lfs().oid(), e.blobSize())));
            }
        }
        return out;
    }

    /** Opens the repository, which must exist; the caller closes it. */
    public Repository open(String storageId) throws IOException {
        return git.open(storageId);
    }
}
