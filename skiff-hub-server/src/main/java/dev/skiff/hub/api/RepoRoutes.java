package dev.skiff.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.hub.Hub;
import dev.skiff.hub.auth.Principal;
import dev.skiff.hub.db.MetaStore.Repo;
import dev.skiff.hub.http.Exchange;
import dev.skiff.hub.http.HubException;
import dev.skiff.hub.http.Router;
import dev.skiff.hub.repo.RepoNames;
import dev.skiff.hub.repo.RepoType;
import dev.skiff.hub.repo.Sibling;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Repository management and info: create, delete, move, settings, {@code /api/{type}s/{ns}/{name}[/revision/{rev}]}. */
final class RepoRoutes implements RouteGroup {
    private static final int MAX_BODY = 1 << 20;

    @Override
    public void register(Router r, Hub hub) {
        r.add("POST", "/api/repos/create", (ex, p) -> create(ex, hub));
        r.add("DELETE", "/api/repos/delete", (ex, p) -> delete(ex, hub));
        r.add("POST", "/api/repos/move", (ex, p) -> move(ex, hub));
        for (RepoType t : RepoType.values()) {
            String repo = "/api/" + t.plural() + "/{ns}/{name}";
            r.add("GET", repo, (ex, p) -> info(ex, hub, t, p.get("ns"), p.get("name"), null));
            r.add("GET", repo + "/revision/{rev*}", (ex, p) -> info(ex, hub, t, p.get("ns"), p.get("name"), p.get("rev")));
            r.add("PUT", repo + "/settings", (ex, p) -> settings(ex, hub, t, p.get("ns"), p.get("name")));
        }
    }

    /** {@code {"name", "organization", "type"?, "visibility"? | "private"?, "sdk"?}} → {@code {"url"}}. */
    private static void create(Exchange ex, Hub hub) throws IOException {
        Principal caller = hub.auth().required(ex);
        JsonNode body = object(ex);
        RepoType type = RepoType.parse(text(body, "type"));
        boolean isPrivate = isPrivate(body, type);
        String url = hub.repos().create(caller, type, text(body, "organization"), required(body, "name"), isPrivate,
                text(body, "sdk"));
        ex.json(200, Map.of("url", url));
    }

    /** {@code {"name", "organization", "type"?}}; 404 RepoNotFound when missing (which {@code missing_ok} swallows). */
    private static void delete(Exchange ex, Hub hub) throws IOException {
        Principal caller = hub.auth().required(ex);
        JsonNode body = object(ex);
        RepoType type = RepoType.parse(text(body, "type"));
        String name = required(body, "name");
        String ns = text(body, "organization");
        Repo repo = hub.access().writable(ex, type.id(), ns == null ? caller.user() : ns, name);
        hub.repos().delete(repo);
        ex.json(200, Map.of());
    }

    /** {@code {"fromRepo": "ns/a", "toRepo": "ns2/b", "type"}}. */
    private static void move(Exchange ex, Hub hub) throws IOException {
        Principal caller = hub.auth().required(ex);
        JsonNode body = object(ex);
        RepoType type = RepoType.parse(text(body, "type"));
        String[] f = RepoNames.parseId(required(body, "fromRepo"));
        Repo repo = hub.access().writable(ex, type.id(), f[0], f[1]);
        hub.repos().move(caller, repo, required(body, "toRepo"));
        ex.json(200, Map.of());
    }

    /** {@code {"gated": "auto"|"manual"|false, "visibility": "public"|"private", "private": bool}}, any of them. */
    private static void settings(Exchange ex, Hub hub, RepoType type, String ns, String name) throws IOException {
        hub.auth().required(ex);
        Repo repo = hub.access().writable(ex, type.id(), ns, name);
        JsonNode body = object(ex);
        Boolean isPrivate = body.hasNonNull("visibility") || body.hasNonNull("private") ? isPrivate(body, type) : null;
        JsonNode gated = body.get("gated");
        boolean setGated = gated != null && !gated.isNull();
        if (setGated && !gated.isTextual() && !(gated.isBoolean() && !gated.asBoolean())) {
            throw HubException.badRequest("gated must be \"auto\", \"manual\" or false, not " + gated);
        }
        hub.repos().updateSettings(repo, isPrivate, setGated && gated.isTextual() ? gated.asText() : null, setGated);
        ex.json(200, Map.of());
    }

    /** Repo info at {@code main} or at {@code revision}; {@code expand=} picks properties, {@code blobs=true} file details. */
    private static void info(Exchange ex, Hub hub, RepoType type, String ns, String name, String revision) throws IOException {
        Repo repo = hub.access().readable(ex, type.id(), ns, name);
        String sha = revision == null ? hub.repos().head(repo) : hub.repos().resolve(repo, revision);
        Set<String> props = RepoJson.properties(type, RepoJson.expand(ex), RepoJson.View.INFO, false);
        List<Sibling> siblings = props.contains("siblings") && sha != null
                ? hub.repos().siblings(repo, sha, ex.queryFlag("blobs")) : List.of();
        ex.json(200, RepoJson.render(repo, props, sha, siblings));
    }

    /** {@code visibility} ("public", "private", "protected" for Spaces) wins over the older {@code private} flag. */
    private static boolean isPrivate(JsonNode body, RepoType type) {
        String visibility = text(body, "visibility");
        if (visibility != null) {
            return switch (visibility) {
                case "public" -> false;
                case "private" -> true;
                case "protected" -> {
                    if (type != RepoType.SPACE) {
                        throw HubException.badRequest("visibility \"protected\" is for Spaces only");
                    }
                    yield false; // on the Hub: public, with the code hidden; this hub does not hide code, so: public
                }
                default -> throw HubException.badRequest("visibility must be public, private or protected, not " + visibility);
            };
        }
        JsonNode p = body.get("private");
        if (p == null || p.isNull()) {
            return false;
        }
        if (!p.isBoolean()) {
            throw HubException.badRequest("private must be true or false, not " + p);
        }
        return p.asBoolean();
    }

    private static JsonNode object(Exchange ex) throws IOException {
        JsonNode body = ex.jsonBody(MAX_BODY);
        if (!body.isObject()) {
            throw HubException.badRequest("the request body must be a JSON object");
        }
        return body;
    }

    /** A string field, null when absent or null; 400 when of another type. */
    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw HubException.badRequest("\"" + field + "\" must be a string, not " + n);
        }
        return n.asText();
    }

    private static String required(JsonNode body, String field) {
        String v = text(body, field);
        if (v == null || v.isEmpty()) {
            throw HubException.badRequest("\"" + field + "\" is required");
        }
        return v;
    }
}
