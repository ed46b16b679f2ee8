package dev.skiff.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.hub.db.MetaStore.Repo;
import dev.skiff.hub.http.Exchange;
import dev.skiff.hub.http.HubException;
import dev.skiff.hub.http.Json;
import dev.skiff.hub.repo.RepoType;
import dev.skiff.hub.repo.Sibling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A repo as the Hub's info and listing endpoints show it: the properties each repo type has, the sets shown by
 * default, and {@code expand=} (only the named properties, plus {@code id}).
 */
final class RepoJson {
    /** Every property the Python client may ask for with {@code expand}, per type; others are a 400, as on the Hub. */
    private static final Map<RepoType, Set<String>> EXPANDABLE = Map.of(
            RepoType.MODEL, Set.of("author", "baseModels", "cardData", "childrenModelCount", "config", "createdAt",
                    "disabled", "downloads", "downloadsAllTime", "evalResults", "gated", "gguf", "inference",
                    "inferenceProviderMapping", "lastModified", "library_name", "likes", "mask_token", "model-index",
                    "pipeline_tag", "private", "resourceGroup", "safetensors", "sha", "siblings", "spaces", "tags",
                    "transformersInfo", "trendingScore", "usedStorage", "widgetData"),
            RepoType.DATASET, Set.of("author", "cardData", "citation", "createdAt", "description", "disabled",
                    "downloads", "downloadsAllTime", "gated", "lastModified", "likes", "mainSize", "paperswithcode_id",
                    "private", "resourceGroup", "sha", "siblings", "tags", "trendingScore", "usedStorage"),
            RepoType.SPACE, Set.of("author", "cardData", "createdAt", "datasets", "disabled", "lastModified", "likes",
                    "models", "private", "region", "resourceGroup", "runtime", "sdk", "sha", "siblings", "subdomain",
                    "tags", "trendingScore", "usedStorage"));

    /** What repo info shows without {@code expand}, in this order. */
    private static final Map<RepoType, List<String>> INFO = Map.of(
            RepoType.MODEL, List.of("author", "sha", "lastModified", "private", "gated", "disabled", "downloads", "likes",
                    "tags", "pipeline_tag", "library_name", "createdAt", "cardData", "siblings"),
            RepoType.DATASET, List.of("author", "sha", "lastModified", "private", "gated", "disabled", "downloads", "likes",
                    "tags", "createdAt", "cardData", "siblings"),
            RepoType.SPACE, List.of("author", "sha", "lastModified", "private", "gated", "disabled", "likes", "tags", "sdk",
                    "createdAt", "cardData", "siblings"));

    /** Which properties a request shows. */
    enum View { INFO, LIST, LIST_FULL }

    private RepoJson() {
    }

    /**
     * The properties to show: those named by {@code expand} (400 for one the type does not have), else the view's
     * defaults. A listing shows info's properties without {@code cardData} and {@code siblings} but with
     * {@code trendingScore}; {@code full} adds {@code siblings}, {@code cardData=true} adds {@code cardData}.
     */
    static Set<String> properties(RepoType type, List<String> expand, View view, boolean cardData) {
        if (!expand.isEmpty()) {
            for (String e : expand) {
                if (!EXPANDABLE.get(type).contains(e)) {
                    throw HubException.badRequest("\"expand\" must be among " + new java.util.TreeSet<>(EXPANDABLE.get(type))
                            + "; got \"" + e + "\"");
                }
            }
            return new LinkedHashSet<>(expand);
        }
        Set<String> props = new LinkedHashSet<>(INFO.get(type));
        if (view != View.INFO) {
            props.add("trendingScore");
            props.remove("cardData");
            if (view != View.LIST_FULL) {
                props.remove("siblings");
            }
            if (cardData) {
                props.add("cardData");
            }
        }
        return props;
    }

    /**
     * The repo as JSON: {@code id} and each of {@code props} this hub knows a value for. {@code sha} is the commit
     * shown; {@code siblings} is used only if asked for.
     */
    static Map<String, Object> render(Repo r, Set<String> props, String sha, List<Sibling> siblings) {
        RepoType type = RepoType.parse(r.type());
        JsonNode card = cardData(r);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id());
        for (String p : props) {
            switch (p) {
                case "author" -> out.put(p, r.namespace());
                case "sha" -> out.put(p, sha);
                case "lastModified" -> out.put(p, r.lastModified());
                case "createdAt" -> out.put(p, r.createdAt());
                case "private" -> out.put(p, r.isPrivate());
                case "gated" -> out.put(p, r.gated() == null ? Boolean.FALSE : r.gated());
                case "disabled" -> out.put(p, false);
                case "downloads", "downloadsAllTime" -> {
                    if (type != RepoType.SPACE) {
                        out.put(p, r.downloads());
                    }
                }
                case "likes", "trendingScore" -> out.put(p, r.likes());
                case "tags" -> out.put(p, r.tags());
                case "pipeline_tag" -> putIfSet(out, p, type == RepoType.MODEL ? r.pipelineTag() : null);
                case "library_name" -> putIfSet(out, p, type == RepoType.MODEL ? r.libraryName() : null);
                case "sdk" -> putIfSet(out, p, type != RepoType.SPACE ? null
                        : card != null && card.path("sdk").isTextual() ? card.get("sdk").asText() : r.sdk());
                case "cardData" -> putIfSet(out, p, card);
                case "siblings" -> out.put(p, siblings == null ? List.of() : siblings.stream().map(RepoJson::sibling).toList());
                default -> {
                    // a Hub property this hub has no data for (config, safetensors, ...): left out, which the client allows
                }
            }
        }
        return out;
    }

    private static void putIfSet(Map<String, Object> out, String key, Object value) {
        if (value != null) {
            out.put(key, value);
        }
    }

    /** The stored README front matter, or null if there is none (or it is not a JSON object). */
    static JsonNode cardData(Repo r) {
        if (r.cardData() == null || r.cardData().isBlank()) {
            return null;
        }
        try {
            JsonNode n = Json.MAPPER.readTree(r.cardData());
            return n != null && n.isObject() ? n : null;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            return null;
        }
    }

    private static Map<String, Object> sibling(Sibling s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rfilename", s.rfilename());
        putIfSet(m, "size", s.size());
        putIfSet(m, "blobId", s.blobId());
        if (s.lfs() != null) {
            m.put("lfs", Map.of("size", s.lfs().size(), "sha256", s.lfs().sha256(), "pointerSize", s.lfs().pointerSize()));
        }
        return m;
    }

    /** The {@code expand} query: repeated ({@code expand=a&expand=b}), as {@code expand[]=}, or comma-separated. */
    static List<String> expand(Exchange ex) {
        List<String> out = new ArrayList<>();
        for (String key : List.of("expand", "expand[]")) {
            for (String v : ex.queryAll(key)) {
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.strip());
                    }
                }
            }
        }
        return out;
    }
}
