package dev.skiff.hub.auth;

import dev.skiff.hub.db.MetaStore;
import dev.skiff.hub.http.Exchange;
import dev.skiff.hub.http.HubException;

/**
 * Who may read and write what: public repos are readable by anyone, private ones only by their owner or
 * members of the owning org (and are invisible to others: 404/401 RepoNotFound). Writing needs a write
 * token of the owner or of an org member with write rights.
 */
public final class RepoAccess {
    private final MetaStore meta;
    private final Auth auth;

    public RepoAccess(MetaStore meta, Auth auth) {
        this.meta = meta;
        this.auth = auth;
    }

    public Auth auth() {
        return auth;
    }

    /** The repo if the caller may read it, else RepoNotFound (never revealing that a private repo exists). */
    public MetaStore.Repo readable(Exchange ex, String type, String ns, String name) {
        Principal p = auth.caller(ex);
        MetaStore.Repo r = meta.repo(type, ns, name).orElse(null);
        if (r == null || (r.isPrivate() && !isMember(p, ns))) {
            throw HubException.repoNotFound(displayId(type, ns, name), p != null);
        }
        return r;
    }

    /** The repo if the caller may write to it; 403 for a read token or a non-member who can see it. */
    public MetaStore.Repo writable(Exchange ex, String type, String ns, String name) {
        MetaStore.Repo r = readable(ex, type, ns, name);
        Principal p = auth.required(ex);
        requireWrite(p, ns);
        return r;
    }

    /** Fails unless {@code p} may create or change repos in namespace {@code ns}. */
    public void requireWrite(Principal p, String ns) {
        if (!p.canWrite()) {
            throw HubException.forbidden("Your token has the read role; writing needs a write token");
        }
        if (!canWriteNamespace(p.user(), ns)) {
            throw HubException.forbidden("You don't have the rights to write to " + ns);
        }
    }

    public boolean canWriteNamespace(String user, String ns) {
        if (user.equals(ns)) {
            return true;
        }
        return meta.membership(ns, user).map(role -> !role.equals("read")).orElse(false);
    }

    /** True if {@code p} may see private repos of namespace {@code ns}. */
    public boolean isMember(Principal p, String ns) {
        return p != null && (p.user().equals(ns) || meta.membership(ns, p.user()).isPresent());
    }

    public static String displayId(String type, String ns, String name) {
        return (type.equals("model") ? "" : type + "s/") + ns + "/" + name;
    }
}
