package dev.skiff.hub.repo;

import dev.skiff.hub.auth.Principal;
import dev.skiff.hub.auth.RepoAccess;
import dev.skiff.hub.db.MetaStore;
import dev.skiff.hub.db.MetaStore.Repo;
import dev.skiff.hub.db.SqlMetaStore;
import dev.skiff.hub.http.HubException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Repository management over the metadata store and {@link RepoStorage}: the rules (names, namespaces, conflicts)
 * and the order of the two stores' updates. Who may see or change a repo is decided before, by {@link RepoAccess};
 * methods taking a {@link Repo} expect one the caller was allowed to get.
 */
public final class RepoService {
    private static final Logger LOG = LoggerFactory.getLogger(RepoService.class);
    /** The SDKs a Space can be created with, as the Python client allows them. */
    public static final Set<String> SPACE_SDKS = Set.of("gradio", "streamlit", "docker", "static");

    private final MetaStore meta;
    private final RepoAccess access;
    private final RepoStorage storage;
    private final String baseUrl;

    public RepoService(MetaStore meta, RepoAccess access, RepoStorage storage, String baseUrl) {
        this.meta = meta;
        this.access = access;
        this.storage = storage;
        this.baseUrl = baseUrl;
    }

    /** The repo's web URL, which the client parses back into type and id: {@code {base}/[datasets/|spaces/]ns/name}. */
    public String url(RepoType type, String namespace, String name) {
        return baseUrl + "/" + type.urlPrefix() + namespace + "/" + name;
    }

    /**
     * Creates a repo for {@code caller} in {@code namespace} (null: the caller's own) and returns its URL. 400 for a bad
     * name or SDK, 403 without write rights there, 409 (with the URL in the body, which {@code exist_ok} reads) if it
     * exists.
     */
    public String create(Principal caller, RepoType type, String namespace, String name, boolean isPrivate, String sdk) {
        RepoNames.check("repo name", name);
        String ns = namespace == null ? caller.user() : RepoNames.check("namespace", namespace);
        if (type == RepoType.SPACE) {
            if (sdk == null || !SPACE_SDKS.contains(sdk)) {
                throw HubException.badRequest("A Space needs an sdk, one of gradio, streamlit, docker or static; got " + sdk);
            }
        } else {
            sdk = null;
        }
        access.requireWrite(caller, ns);
        if (meta.repo(type.id(), ns, name).isPresent()) {
            throw exists(type, ns, name);
        }
        String storageId = UUID.randomUUID().toString().replace("-", "");
        storage.create(storageId, type.id());
        try {
            String now = SqlMetaStore.now();
            if (meta.createRepo(new Repo(type.id(), ns, name, isPrivate, null, now, now, storage.head(storageId),
                    null, List.of(), null, null, 0, 0, storageId, sdk))) {
                return url(type, ns, name);
            }
        } catch (RuntimeException e) {
            storage.delete(storageId);
            throw e;
        }
        storage.delete(storageId);
        throw exists(type, ns, name); // created by a concurrent request since the check above
    }

    private HubException exists(RepoType type, String ns, String name) {
        return HubException.conflict("You already created this " + type.id() + " repo", Map.of("url", url(type, ns, name)));
    }

    /** Deletes the repo's metadata, then its contents. */
    public void delete(Repo repo) {
        if (!meta.deleteRepo(repo.type(), repo.namespace(), repo.name())) {
            return; // deleted by a concurrent request, which also deletes the contents
        }
        try {
            storage.delete(repo.storageId());
        } catch (RuntimeException e) {
            // the repo is gone for every client; what is left is unreachable disk space
            LOG.warn("repo {} deleted, but its storage {} was not: {}", repo.id(), repo.storageId(), e.toString());
        }
    }

    /**
     * Renames or transfers the repo to {@code toId} ({@code ns/name}): 400 for a bad id, 403 without write rights in the
     * target namespace, 409 if the target exists. Contents stay where they are (storage ids are stable).
     */
    public void move(Principal caller, Repo repo, String toId) {
        String[] to = RepoNames.parseId(toId);
        access.requireWrite(caller, to[0]);
        RepoType type = RepoType.parse(repo.type());
        if (!meta.moveRepo(repo.type(), repo.namespace(), repo.name(), to[0], to[1])) {
            throw HubException.conflict("A " + type.id() + " repo " + toId + " already exists",
                    Map.of("url", url(type, to[0], to[1])));
        }
    }

    /**
     * Changes visibility and gating; null leaves a setting as it is. {@code gated} is {@code "auto"}, {@code "manual"}
     * or null for not gated.
     */
    public void updateSettings(Repo repo, Boolean isPrivate, String gated, boolean setGated) {
        if (setGated && gated != null && !gated.equals("auto") && !gated.equals("manual")) {
            throw HubException.badRequest("gated must be \"auto\", \"manual\" or false, not " + gated);
        }
        meta.updateSettings(repo.type(), repo.namespace(), repo.name(), isPrivate, gated, setGated);
    }

    /** The commit {@code main} points at, or null for an empty repo. */
    public String head(Repo repo) {
        return storage.head(repo.storageId());
    }

    /**
     * The commit a revision names (a commit id, branch, tag or full ref name), or 404 RevisionNotFound.
     */
    public String resolve(Repo repo, String revision) {
        String sha = storage.resolve(repo.storageId(), revision);
        if (sha == null) {
            throw HubException.revisionNotFound(revision);
        }
        return sha;
    }

    /**
     * The files at {@code commit}, for {@code siblings} in repo info; with {@code blobs} also sizes, blob ids and LFS
     * details.
     */
    public List<Sibling> siblings(Repo repo, String commit, boolean blobs) {
        return storage.siblings(repo.storageId(), commit, blobs);
    }
}
