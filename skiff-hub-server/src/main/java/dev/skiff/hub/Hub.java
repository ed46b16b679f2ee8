package dev.skiff.hub;

import dev.skiff.hub.auth.Auth;
import dev.skiff.hub.auth.RepoAccess;
import dev.skiff.hub.db.MetaStore;

import java.nio.file.Path;

/**
 * What handlers share: the configuration, the stores and the access rules. Stores are interfaces, chosen
 * by configuration (directory + SQLite by default, PostgreSQL by URL).
 */
public final class Hub {
    private final HubConfig config;
    private final MetaStore meta;
    private final RepoAccess access;
    private final String baseUrl;

    public Hub(HubConfig config, MetaStore meta, String baseUrl) {
        this.config = config;
        this.meta = meta;
        this.access = new RepoAccess(meta, new Auth(meta));
        this.baseUrl = baseUrl;
    }

    public HubConfig config() {
        return config;
    }

    public MetaStore meta() {
        return meta;
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
