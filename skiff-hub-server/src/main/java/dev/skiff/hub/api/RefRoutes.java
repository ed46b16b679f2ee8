package dev.skiff.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.hub.Hub;
import dev.skiff.hub.auth.Principal;
import dev.skiff.hub.db.MetaStore.Repo;
import dev.skiff.hub.db.SqlMetaStore;
import dev.skiff.hub.git.CommitInfo;
import dev.skiff.hub.git.GitStore;
import dev.skiff.hub.git.RefInfo;
import dev.skiff.hub.http.Exchange;
import dev.skiff.hub.http.HubException;
import dev.skiff.hub.http.Router;
import dev.skiff.hub.repo.RepoType;
import org.eclipse.jgit.lib.ObjectId;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refs and history: {@code GET .../refs[?include_prs=1]}, {@code POST|DELETE .../branch/{branch}} (body
 * {@code {"startingPoint"?}}), {@code POST .../tag/{revision}} (body {@code {"tag", "message"?}}; the path names what
 * is tagged), {@code DELETE .../tag/{tag}}, {@code GET .../commits/{rev}} (newest first, paged with {@code Link};
 * {@code expand[]=formatted}), {@code POST .../super-squash/{branch}}. All under {@code /api/{type}s/{ns}/{name}}.
 */
final class RefRoutes implements RouteGroup {
    static final String PAGE_PROPERTY = "skiff.hub.commitsPageSize";
    static final String PAGE_ENV = "SKIFF_HUB_COMMITS_PAGE_SIZE";

    @Override
    public void register(Router r, Hub hub) {
        int page = Contents.setting(PAGE_PROPERTY, PAGE_ENV, 50);
        for (RepoType t : RepoType.values()) {
            String repo = "/api/" + t.plural() + "/{ns}/{name}";
            r.add("GET", repo + "/refs", (ex, p) -> refs(ex, hub, t, p.get("ns"), p.get("name")));
            r.add("POST", repo + "/branch/{branch*}", (ex, p) -> createBranch(ex, hub, t, p.get("ns"), p.get("name"), p.get("branch")));
            r.add("DELETE", repo + "/branch/{branch*}", (ex, p) -> deleteBranch(ex, hub, t, p.get("ns"), p.get("name"), p.get("branch")));
            r.add("POST", repo + "/tag/{rev*}", (ex, p) -> createTag(ex, hub, t, p.get("ns"), p.get("name"), p.get("rev")));
            r.add("DELETE", repo + "/tag/{tag*}", (ex, p) -> deleteTag(ex, hub, t, p.get("ns"), p.get("name"), p.get("tag")));
            r.add("GET", repo + "/commits/{rev*}", (ex, p) -> commits(ex, hub, t, p.get("ns"), p.get("name"), p.get("rev"), page));
            r.add("POST", repo + "/super-squash/{branch*}", (ex, p) -> squash(ex, hub, t, p.get("ns"), p.get("name"), p.get("branch")));
        }
    }

    private static List<Map<String, Object>> json(List<RefInfo> refs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RefInfo r : refs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("ref", r.ref());
            m.put("targetCommit", r.targetCommit());
            out.add(m);
        }
        return out;
    }

    private static void refs(Exchange ex, Hub hub, RepoType type, String ns, String name) throws IOException {
        Repo repo = hub.access().readable(ex, type.id(), ns, name);
        GitStore git = hub.git();
        String id = repo.storageId();
        Map<String, Object> out = new LinkedHashMap<>();
        List<RefInfo> branches = new ArrayList<>(git.refs(id, GitStore.HEADS));
        branches.sort((a, b) -> a.name().equals(GitStore.MAIN) ? -1 : b.name().equals(GitStore.MAIN) ? 1 : a.name().compareTo(b.name()));
        out.put("branches", json(branches));
        out.put("converts", json(git.refs(id, "refs/convert/")));
        out.put("tags", json(git.refs(id, GitStore.TAGS)));
        if (ex.queryFlag("include_prs")) {
            out.put("pullRequests", json(git.refs(id, "refs/pr/")));
        }
        ex.json(200, out);
    }

    private static JsonNode object(Exchange ex) throws IOException {
        JsonNode body = ex.jsonBody(1 << 20);
        if (!body.isObject()) {
            throw HubException.badRequest("the request body must be a JSON object");
        }
        return body;
    }

    private static void createBranch(Exchange ex, Hub hub, RepoType type, String ns, String name, String branch)
            throws IOException {
        Repo repo = hub.access().writable(ex, type.id(), ns, name);
        Principal who = hub.auth().required(ex);
        JsonNode body = object(ex);
        String start = body.path("startingPoint").asText(null);
        GitStore git = hub.git();
        ObjectId target = start == null ? git.require(repo.storageId(), GitStore.MAIN) : git.require(repo.storageId(), start);
        if (branch.isEmpty()) {
            throw HubException.badRequest("A branch name is required");
        }
        git.createBranch(repo.storageId(), branch, target, Contents.ident(who));
        ex.json(200, Map.of());
    }

    private static void deleteBranch(Exchange ex, Hub hub, RepoType type, String ns, String name, String branch)
            throws IOException {
        Repo repo = hub.access().writable(ex, type.id(), ns, name);
        Principal who = hub.auth().required(ex);
        hub.git().deleteBranch(repo.storageId(), branch, Contents.ident(who));
        ex.json(200, Map.of());
    }

    private static void createTag(Exchange ex, Hub hub, RepoType type, String ns, String name, String rev)
            throws IOException {
        Repo repo = hub.access().writable(ex, type.id(), ns, name);
        Principal who = hub.auth().required(ex);
        JsonNode body = object(ex);
        String tag = body.path("tag").asText("");
        if (tag.isEmpty()) {
            throw HubException.badRequest("\"tag\" is required");
        }
        GitStore git = hub.git();
        ObjectId target = git.require(repo.storageId(), rev.isEmpty() ? GitStore.MAIN : rev);
        String message = body.path("message").isTextual() ? body.path("message").asText() : null;
        git.createTag(repo.storageId(), tag, target, message, Contents.ident(who));
        ex.json(200, Map.of());
    }

    private static void deleteTag(Exchange ex, Hub hub, RepoType type, String ns, String name, String tag)
            throws IOException {
        Repo repo = hub.access().writable(ex, type.id(), ns, name);
        Principal who = hub.auth().required(ex);
        hub.git().deleteTag(repo.storageId(), tag, Contents.ident(who));
        ex.json(200, Map.of());
    }

    private static void commits(Exchange ex, Hub hub, RepoType type, String ns, String name, String rev, int pageSize)
            throws IOException {
        Repo repo = hub.access().readable(ex, type.id(), ns, name);
        GitStore git = hub.git();
        ObjectId start = git.require(repo.storageId(), rev.isEmpty() ? GitStore.MAIN : rev);
        boolean formatted = Contents.expand(ex).contains("formatted");
        int from = Contents.cursor(ex);
        List<CommitInfo> page = git.log(repo.storageId(), start, from, pageSize + 1);
        boolean more = page.size() > pageSize;
        if (more) {
            page = page.subList(0, pageSize);
            Contents.linkNext(ex, from + pageSize);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (CommitInfo c : page) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("title", c.title());
            m.put("message", c.message());
            m.put("authors", c.authors().stream().map(a -> Map.of("user", a)).toList());
            m.put("date", SqlMetaStore.format(c.date()));
            if (formatted) {
                m.put("formatted", Map.of("title", html(c.title()), "message", html(c.message())));
            }
            out.add(m);
        }
        ex.json(200, out);
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void squash(Exchange ex, Hub hub, RepoType type, String ns, String name, String branch)
            throws IOException {
        Repo repo = hub.access().writable(ex, type.id(), ns, name);
        Principal who = hub.auth().required(ex);
        JsonNode body = object(ex);
        GitStore git = hub.git();
        String b = branch.startsWith(GitStore.HEADS) ? branch.substring(GitStore.HEADS.length()) : branch;
        if (git.branch(repo.storageId(), b) == null) {
            if (git.resolve(repo.storageId(), branch) != null) {
                throw HubException.badRequest("Only branches can be squashed; " + branch + " is not a branch");
            }
            throw HubException.revisionNotFound(branch);
        }
        String message = body.path("message").asText("");
        if (message.isBlank()) {
            message = "Super-squash branch '" + b + "' using huggingface_hub";
        }
        ObjectId c = git.squash(repo.storageId(), b, Contents.ident(who), message);
        if (b.equals(GitStore.MAIN)) {
            Contents.mainChanged(hub, repo, c);
        }
        ex.json(200, Map.of("commitId", c.name()));
    }
}
