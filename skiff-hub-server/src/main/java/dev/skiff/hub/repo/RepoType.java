package dev.skiff.hub.repo;

import dev.skiff.hub.http.HubException;

/**
 * The kinds of repository the hub hosts, with the three spellings the Hub API uses for each: the {@code type}
 * field ({@code "dataset"}), the plural in API routes ({@code /api/datasets/...}) and the prefix of file and web
 * URLs ({@code datasets/}; none for models).
 */
public enum RepoType {
    MODEL("model", "models", ""),
    DATASET("dataset", "datasets", "datasets/"),
    SPACE("space", "spaces", "spaces/");

    private final String id;
    private final String plural;
    private final String urlPrefix;

    RepoType(String id, String plural, String urlPrefix) {
        this.id = id;
        this.plural = plural;
        this.urlPrefix = urlPrefix;
    }

    /** As stored and as sent in request bodies: {@code model}, {@code dataset}, {@code space}. */
    public String id() {
        return id;
    }

    /** As in API routes: {@code models}, {@code datasets}, {@code spaces}. */
    public String plural() {
        return plural;
    }

    /** Before {@code ns/name} in file and web URLs: empty for models, else {@code datasets/} or {@code spaces/}. */
    public String urlPrefix() {
        return urlPrefix;
    }

    /** The type named by a request's {@code type} field; null or absent means a model; anything else is a 400. */
    public static RepoType parse(String id) {
        if (id == null) {
            return MODEL;
        }
        for (RepoType t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        throw HubException.badRequest("Invalid repo type \"" + id + "\": this hub hosts model, dataset and space repos");
    }
}
