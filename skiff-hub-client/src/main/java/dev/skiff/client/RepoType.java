package dev.skiff.client;

import java.util.Locale;

/** The kinds of repository a hub holds, with the spellings each place of the protocol and the cache uses. */
public enum RepoType {
    MODEL("model"),
    DATASET("dataset"),
    SPACE("space"),
    KERNEL("kernel");

    private final String id;

    RepoType(String id) {
        this.id = id;
    }

    /** {@code model}, {@code dataset}, {@code space}, {@code kernel}: the {@code repo_type} of the Python client. */
    public String id() {
        return id;
    }

    /** {@code models}, {@code datasets}, ...: the API route segment ({@code /api/models/...}) and cache folder prefix. */
    public String plural() {
        return id + "s";
    }

    /** {@code ""} for models, {@code datasets/} etc. otherwise: the prefix of file URLs ({@code /datasets/ns/x/resolve}). */
    public String urlPrefix() {
        return this == MODEL ? "" : plural() + "/";
    }

    /**
     * The type named {@code name} ({@code model}, {@code dataset}, {@code space}, {@code kernel}, plural forms too);
     * null or empty means {@link #MODEL}, as in Python.
     */
    public static RepoType parse(String name) {
        if (name == null || name.isEmpty()) {
            return MODEL;
        }
        String n = name.toLowerCase(Locale.ROOT);
        for (RepoType t : values()) {
            if (t.id.equals(n) || t.plural().equals(n)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown repo type \"" + name + "\": use model, dataset, space or kernel");
    }
}
