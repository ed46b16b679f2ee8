package dev.skiff.hub.git;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.hub.Hub;
import dev.skiff.hub.db.MetaStore.Repo;
import dev.skiff.hub.db.SqlMetaStore;
import dev.skiff.hub.http.Json;
import dev.skiff.hub.repo.RepoType;
import org.eclipse.jgit.lib.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the metadata store in step with {@code main}: after a commit, a push or a super-squash moved it, the store
 * records the head, the time and what the README's YAML front matter says (card data, tags, pipeline tag, library).
 */
public final class HeadSync {
    private static final Logger LOG = LoggerFactory.getLogger(HeadSync.class);
    private static final int README_MAX = 1 << 20;
    /** The Hub's front-matter regex (as huggingface_hub's repocard keeps it). */
    private static final Pattern FRONT_MATTER =
            Pattern.compile("^(\\s*---(?:\\r\\n|\\r|\\n))([\\S\\s]*?)((?:\\r\\n|\\r|\\n)---[ \\t]*(\\r\\n|\\n|$))");

    private HeadSync() {
    }

    /** Records that {@code main} of {@code repo} is now at {@code commit}. */
    public static void mainMoved(Hub hub, Repo repo, ObjectId commit) {
        GitStore git = hub.git();
        String cardJson = null;
        List<String> tags = List.of();
        String pipeline = null;
        String library = null;
        byte[] readme = git.readSmall(repo.storageId(), commit, "README.md", README_MAX);
        Map<?, ?> card = readme == null ? null : frontMatter(new String(readme, StandardCharsets.UTF_8));
        if (card != null) {
            try {
                JsonNode node = Json.MAPPER.valueToTree(card);
                cardJson = Json.MAPPER.writeValueAsString(node);
                pipeline = text(node.get("pipeline_tag"));
                library = text(node.get("library_name"));
                tags = tags(RepoType.parse(repo.type()), node);
            } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
                LOG.info("README.md of {} has front matter that is not JSON-like: {}", repo.id(), e.toString());
                cardJson = null;
            }
        }
        hub.meta().updateHead(repo.type(), repo.namespace(), repo.name(), commit.name(), SqlMetaStore.now(), cardJson,
                tags, pipeline, library);
    }

    /** The YAML front matter of a README as a map, or null when there is none or it is not a mapping. */
    public static Map<?, ?> frontMatter(String readme) {
        Matcher m = FRONT_MATTER.matcher(readme);
        if (!m.find()) {
            return null;
        }
        LoaderOptions opts = new LoaderOptions();
        opts.setMaxAliasesForCollections(50);
        opts.setNestingDepthLimit(64);
        opts.setCodePointLimit(4 << 20);
        opts.setAllowDuplicateKeys(true);
        try {
            Object doc = new Yaml(new SafeConstructor(opts)).load(m.group(2));
            return doc instanceof Map<?, ?> map ? map : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonNode n) {
        return n != null && n.isTextual() ? n.asText() : null;
    }

    private static List<String> list(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (n.isTextual()) {
            out.add(n.asText());
        } else if (n.isArray()) {
            for (JsonNode x : n) {
                if (x.isTextual() || x.isNumber()) {
                    out.add(x.asText());
                }
            }
        }
        return out;
    }

    /** The tags the Hub derives from card data: the card's own, then library, pipeline, languages, datasets, license. */
    static List<String> tags(RepoType type, JsonNode card) {
        Set<String> t = new LinkedHashSet<>(list(card.get("tags")));
        if (type == RepoType.DATASET) {
            for (String k : List.of("task_categories", "task_ids", "language", "size_categories", "license")) {
                for (String v : list(card.get(k))) {
                    t.add(k + ":" + v);
                }
            }
        } else {
            String lib = text(card.get("library_name"));
            if (lib != null) {
                t.add(lib);
            }
            String pipeline = text(card.get("pipeline_tag"));
            if (pipeline != null) {
                t.add(pipeline);
            }
            t.addAll(list(card.get("language")));
            for (String d : list(card.get("datasets"))) {
                t.add("dataset:" + d);
            }
            for (String l : list(card.get("license"))) {
                t.add("license:" + l);
            }
        }
        t.removeIf(String::isBlank);
        return List.copyOf(t);
    }
}
