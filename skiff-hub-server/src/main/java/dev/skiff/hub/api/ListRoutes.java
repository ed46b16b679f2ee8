package dev.skiff.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.hub.Hub;
import dev.skiff.hub.auth.Principal;
import dev.skiff.hub.db.MetaStore.Repo;
import dev.skiff.hub.http.Exchange;
import dev.skiff.hub.http.HubException;
import dev.skiff.hub.http.Router;
import dev.skiff.hub.repo.RepoType;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code GET /api/models}, {@code /api/datasets}, {@code /api/spaces}: search, author, tag filters, sort, limit, and
 * pages linked by an absolute {@code Link: <...&cursor=N>; rel="next"} carrying every query parameter. Private repos
 * are listed only to callers who may read them.
 */
final class ListRoutes implements RouteGroup {
    /** Items per page unless {@code limit} asks for fewer; the Hub's is 1000. */
    static final int DEFAULT_PAGE_SIZE = 1000;
    /** Overrides the page size (system property, then environment variable), so tests can page through a few repos. */
    static final String PAGE_SIZE_PROPERTY = "skiff.hub.listPageSize";
    static final String PAGE_SIZE_ENV = "SKIFF_HUB_LIST_PAGE_SIZE";

    /** Sort keys the client sends; each sorts descending (most first) unless {@code direction=1}. */
    private static final Map<String, Comparator<Repo>> SORTS = Map.of(
            "createdAt", Comparator.comparing(Repo::createdAt),
            "lastModified", Comparator.comparing(Repo::lastModified),
            "downloads", Comparator.comparingLong(Repo::downloads),
            "likes", Comparator.comparingLong(Repo::likes),
            "trendingScore", Comparator.comparingLong(Repo::likes));

    /** {@code filter=key:value} items that also match the README front matter, and the card key they look at. */
    private static final Map<String, String> CARD_KEYS = Map.of("dataset", "datasets", "language", "language",
            "license", "license", "task_categories", "task_categories", "task_ids", "task_ids",
            "size_categories", "size_categories", "multilinguality", "multilinguality",
            "language_creators", "language_creators", "annotations_creators", "annotations_creators",
            "source_datasets", "source_datasets");

    @Override
    public void register(Router r, Hub hub) {
        int pageSize = pageSize();
        for (RepoType t : RepoType.values()) {
            r.add("GET", "/api/" + t.plural(), (ex, p) -> list(ex, hub, t, pageSize));
        }
    }

    static int pageSize() {
        String v = System.getProperty(PAGE_SIZE_PROPERTY, System.getenv(PAGE_SIZE_ENV));
        if (v == null || v.isBlank()) {
            return DEFAULT_PAGE_SIZE;
        }
        int n = Integer.parseInt(v.strip());
        if (n < 1) {
            throw new IllegalArgumentException(PAGE_SIZE_PROPERTY + " must be positive, not " + n);
        }
        return n;
    }

    private static void list(Exchange ex, Hub hub, RepoType type, int pageSize) throws IOException {
        Principal caller = hub.auth().caller(ex);
        Set<String> readable = new HashSet<>();
        if (caller != null) {
            readable.add(caller.user());
            readable.addAll(hub.meta().orgsOf(caller.user()));
        }
        Set<String> props = RepoJson.properties(type, RepoJson.expand(ex),
                ex.queryFlag("full") ? RepoJson.View.LIST_FULL : RepoJson.View.LIST, ex.queryFlag("cardData"));
        int limit = intParam(ex, "limit", Integer.MAX_VALUE, 1);
        int cursor = intParam(ex, "cursor", 0, 0);
        Predicate<Repo> matches = filter(ex, type);
        Comparator<Repo> order = order(ex);

        List<Repo> found = hub.meta().repos(type.id(), ex.query("author")).stream()
                .filter(r -> !r.isPrivate() || readable.contains(r.namespace()))
                .filter(matches)
                .sorted(order)
                .toList();
        int total = Math.min(found.size(), limit);
        int end = (int) Math.min((long) cursor + pageSize, total);
        List<Map<String, Object>> page = new ArrayList<>();
        for (int i = cursor; i < end; i++) {
            Repo r = found.get(i);
            page.add(RepoJson.render(r, props, r.sha(),
                    props.contains("siblings") && r.sha() != null ? hub.repos().siblings(r, r.sha(), false) : List.of()));
        }
        if (end < total) {
            ex.header("Link", "<" + nextUrl(ex, end) + ">; rel=\"next\"");
        }
        ex.json(200, page);
    }

    /** All of: every {@code search} is a case-insensitive substring of the id; every {@code filter} is a tag; gating; pipeline. */
    private static Predicate<Repo> filter(Exchange ex, RepoType type) {
        List<String> search = ex.queryAll("search").stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        List<String> tags = ex.queryAll("filter");
        String gated = ex.query("gated");
        String pipeline = ex.query("pipeline_tag");
        return r -> {
            String id = r.id().toLowerCase(Locale.ROOT);
            for (String s : search) {
                if (!id.contains(s)) {
                    return false;
                }
            }
            for (String t : tags) {
                if (!hasTag(r, t)) {
                    return false;
                }
            }
            if (gated != null && (r.gated() != null) != Boolean.parseBoolean(gated)) {
                return false;
            }
            return pipeline == null || (type == RepoType.MODEL && pipeline.equals(r.pipelineTag()));
        };
    }

    /**
     * True if the repo carries {@code tag}: among its tags, its pipeline tag or library, or, for a {@code key:value}
     * filter such as {@code language:en} or {@code dataset:ns/x}, {@code value} under the front matter's {@code key}.
     */
    static boolean hasTag(Repo r, String tag) {
        if (r.tags().contains(tag) || tag.equals(r.pipelineTag()) || tag.equals(r.libraryName())) {
            return true;
        }
        int colon = tag.indexOf(':');
        if (colon <= 0 || !CARD_KEYS.containsKey(tag.substring(0, colon))) {
            return false;
        }
        JsonNode card = RepoJson.cardData(r);
        JsonNode v = card == null ? null : card.get(CARD_KEYS.get(tag.substring(0, colon)));
        String want = tag.substring(colon + 1);
        if (v == null) {
            return false;
        }
        if (v.isArray()) {
            for (JsonNode e : v) {
                if (e.isTextual() && e.asText().equals(want)) {
                    return true;
                }
            }
            return false;
        }
        return v.isTextual() && v.asText().equals(want);
    }

    /** {@code sort} (descending; old clients add {@code direction=-1}, {@code 1} is ascending), ties by id; default newest first. */
    private static Comparator<Repo> order(Exchange ex) {
        String sort = ex.query("sort");
        Comparator<Repo> by = sort == null ? SORTS.get("createdAt") : SORTS.get(sort);
        if (by == null) {
            throw HubException.badRequest("sort must be one of " + new java.util.TreeSet<>(SORTS.keySet()) + ", not " + sort);
        }
        String direction = ex.query("direction");
        if (direction != null && !direction.equals("-1") && !direction.equals("1")) {
            throw HubException.badRequest("direction must be -1 or 1, not " + direction);
        }
        if (!"1".equals(direction)) {
            by = by.reversed();
        }
        return by.thenComparing(Repo::id);
    }

    private static int intParam(Exchange ex, String name, int dflt, int min) {
        String v = ex.query(name);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw HubException.badRequest(name + " must be an integer of at least " + min + ", not " + v);
    }

    /** This request's absolute URL with {@code cursor} set to {@code next}, every other parameter kept as sent. */
    private static String nextUrl(Exchange ex, int next) {
        StringBuilder q = new StringBuilder();
        for (String pair : ex.rawQuery().split("&")) {
            String key = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            if (pair.isEmpty() || URLDecoder.decode(key, StandardCharsets.UTF_8).equals("cursor")) {
                continue;
            }
            q.append(pair).append('&');
        }
        q.append("cursor=").append(next);
        return ex.baseUrl() + ex.rawPath() + "?" + q;
    }
}
