package dev.skiff.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.hub.Hub;
import dev.skiff.hub.db.MetaStore.Repo;
import dev.skiff.hub.git.CommitInfo;
import dev.skiff.hub.git.FileEntry;
import dev.skiff.hub.git.GitStore;
import dev.skiff.hub.http.Exchange;
import dev.skiff.hub.http.HubException;
import dev.skiff.hub.http.Json;
import dev.skiff.hub.http.Router;
import dev.skiff.hub.repo.RepoType;
import org.eclipse.jgit.lib.ObjectId;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/{type}s/{ns}/{name}/tree/{rev}[/{path}]} (children or, with {@code recursive=true}, all
 * descendants including directories; paged with an absolute {@code Link} next) and
 * {@code POST /api/{type}s/{ns}/{name}/paths-info/{rev}} (form {@code paths=a&paths=b&expand=false}; entries of the
 * paths that exist). {@code expand=true} adds each entry's {@code lastCommit}.
 */
final class TreeRoutes implements RouteGroup {
    /** Entries per tree page (the Hub's: 1000, or 50 with expand); overridable for tests. */
    static final String PAGE_PROPERTY = "skiff.hub.treePageSize";
    static final String PAGE_ENV = "SKIFF_HUB_TREE_PAGE_SIZE";
    private static final int MAX_PATHS = 1000;
    /** How far back lastCommit looks. */
    private static final int LAST_COMMIT_WALK = 10_000;

    @Override
    public void register(Router r, Hub hub) {
        int page = Contents.setting(PAGE_PROPERTY, PAGE_ENV, 1000);
        for (RepoType t : RepoType.values()) {
            String repo = "/api/" + t.plural() + "/{ns}/{name}";
            r.add("GET", repo + "/tree/{rev}", (ex, p) -> tree(ex, hub, t, p.get("ns"), p.get("name"), p.get("rev"), "", page));
            r.add("GET", repo + "/tree/{rev}/{path*}",
                    (ex, p) -> tree(ex, hub, t, p.get("ns"), p.get("name"), p.get("rev"), p.get("path"), page));
            r.add("POST", repo + "/paths-info/{rev}", (ex, p) -> pathsInfo(ex, hub, t, p.get("ns"), p.get("name"), p.get("rev")));
        }
    }

    private static void tree(Exchange ex, Hub hub, RepoType type, String ns, String name, String rev, String rawPath,
                             int pageSize) throws IOException {
        Repo repo = hub.access().readable(ex, type.id(), ns, name);
        GitStore git = hub.git();
        ObjectId commit = git.require(repo.storageId(), rev);
        String path = Contents.cleanPath(rawPath);
        boolean expand = ex.queryFlag("expand");
        List<FileEntry> all = git.list(repo.storageId(), commit, path, ex.queryFlag("recursive"));
        if (all == null) {
            throw HubException.entryNotFound("No folder \"" + path + "\" at revision " + rev + " of " + repo.id(), commit.name());
        }
        int size = expand ? Math.min(pageSize, 50) : pageSize;
        int from = Math.min(Contents.cursor(ex), all.size());
        int to = (int) Math.min((long) from + size, all.size());
        List<FileEntry> page = all.subList(from, to);
        Map<String, CommitInfo> last = expand ? git.lastCommits(repo.storageId(), commit,
                page.stream().map(FileEntry::path).toList(), LAST_COMMIT_WALK) : Map.of();
        List<Map<String, Object>> out = new ArrayList<>(page.size());
        for (FileEntry e : page) {
            out.add(Contents.entryJson(e, last.get(e.path())));
        }
        if (to < all.size()) {
            Contents.linkNext(ex, to);
        }
        ex.json(200, out);
    }

    private static void pathsInfo(Exchange ex, Hub hub, RepoType type, String ns, String name, String rev) throws IOException {
        Repo repo = hub.access().readable(ex, type.id(), ns, name);
        GitStore git = hub.git();
        ObjectId commit = git.require(repo.storageId(), rev);
        Set<String> paths = new LinkedHashSet<>();
        boolean expand;
        byte[] body = ex.bodyBytes(8 << 20);
        String ct = ex.header("Content-Type");
        if (ct != null && ct.startsWith("application/json")) {
            JsonNode n;
            try {
                n = body.length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(body);
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                throw HubException.badRequest("request body is not valid JSON");
            }
            for (JsonNode p : n.path("paths")) {
                paths.add(p.asText());
            }
            expand = n.path("expand").asBoolean(false);
        } else {
            expand = false;
            for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (k.equals("paths") || k.equals("paths[]")) {
                    paths.add(v);
                } else if (k.equals("expand")) {
                    expand = v.equals("true") || v.equals("1");
                }
            }
        }
        if (paths.size() > MAX_PATHS) {
            throw HubException.badRequest("At most " + MAX_PATHS + " paths per request, got " + paths.size());
        }
        List<FileEntry> found = new ArrayList<>();
        for (String p : paths) {
            String clean = Contents.cleanPath(p);
            if (clean.isEmpty() || !GitStore.isCleanPath(clean)) {
                continue;
            }
            FileEntry e = git.entry(repo.storageId(), commit, clean);
            if (e != null) {
                found.add(e);
            }
        }
        Map<String, CommitInfo> last = expand ? git.lastCommits(repo.storageId(), commit,
                found.stream().map(FileEntry::path).toList(), LAST_COMMIT_WALK) : Map.of();
        List<Map<String, Object>> out = new ArrayList<>(found.size());
        for (FileEntry e : found) {
            out.add(Contents.entryJson(e, last.get(e.path())));
        }
        ex.json(200, out);
    }
}
