package dev.skiff.hub;

import dev.skiff.hub.auth.Auth;
import dev.skiff.hub.auth.RepoAccess;
import dev.skiff.hub.db.MetaStore;
import dev.skiff.hub.git.GitStore;
import dev.skiff.hub.lfs.BlobStore;
import dev.skiff.hub.lfs.LocalBlobStore;
import dev.skiff.hub.repo.GitRepoStorage;
import dev.skiff.hub.repo.RepoService;
import dev.skiff.hub.repo.RepoStorage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * What handlers share: the configuration, the stores and the access rules. Stores are interfaces, chosen
 * by configuration (directory + SQLite by default, PostgreSQL by URL).
 */
public final class Hub {
    private final HubConfig config;
    private final MetaStore meta;
    private final RepoAccess access;
    private final RepoStorage storage;
    private final RepoService repos;
    private final String baseUrl;
    private final BlobStore blobs;

    public Hub(HubConfig config, MetaStore meta, RepoStorage storage, String baseUrl) {
        this.config = config;
        this.meta = meta;
        this.access = new RepoAccess(meta, new Auth(meta));
        this.storage = storage;
        this.repos = new RepoService(meta, access, storage, baseUrl);
        this.baseUrl = baseUrl;
        try {
            this.blobs = new LocalBlobStore(config.dataDir().resolve("lfs"), baseUrl, config.lfsChunkSize(),
                    config.lfsMultipartAbove());
        } catch (IOException e) {
            throw new UncheckedIOException("opening the LFS store: " + e.getMessage(), e);
        }
    }

    public HubConfig config() {
        return config;
    }

    public MetaStore meta() {
        return meta;
    }

    /** Repository contents (git). */
    public RepoStorage storage() {
        return storage;
    }

    /** Repository management: create, delete, move, settings, revisions. */
    public RepoService repos() {
        return repos;
    }

    /** LFS objects. */
    public BlobStore blobs() {
        return blobs;
    }

    /** The git store behind {@link #storage()}: trees, commits, refs. */
    public GitStore git() {
        if (storage instanceof GitRepoStorage g) {
            return g.git();
        }
        throw new IllegalStateException("repository storage " + storage.getClass().getName() + " is not git");
    }

    public RepoAccess access() {
        return access;
    }

    public Auth auth() {
        return access.auth();
    }

    public Path dataDir() {
        return config.dataDir();
    }

    /** The URL clients use, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }
}
