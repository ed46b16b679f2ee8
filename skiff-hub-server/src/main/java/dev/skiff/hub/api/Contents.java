package dev.skiff.hub.api;

import dev.skiff.hub.Hub;
import dev.skiff.hub.auth.Principal;
import dev.skiff.hub.db.MetaStore.Repo;
import dev.skiff.hub.db.SqlMetaStore;
import dev.skiff.hub.git.FileEntry;
import dev.skiff.hub.git.HeadSync;
import dev.skiff.hub.http.Exchange;
import dev.skiff.hub.http.HubException;
import dev.skiff.hub.repo.RepoType;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the content route groups (files, tree, commits, LFS, refs) share: paging, idents, entry JSON, head updates. */
final class Contents {

    private Contents() {
    }

    /** {@code expand=a&expand=b}, {@code expand[]=a}, or comma-separated. */
    static List<String> expand(Exchange ex) {
        List<String> out = new ArrayList<>();
        List<String> all = new ArrayList<>(ex.queryAll("expand"));
        all.addAll(ex.queryAll("expand[]"));
        for (String v : all) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    /** A positive int from a system property, then an environment variable, else {@code def}. */
    static int setting(String property, String env, int def) {
        String v = System.getProperty(property, System.getenv(env));
        if (v == null || v.isBlank()) {
            return def;
        }
        int n = Integer.parseInt(v.strip());
        if (n < 1) {
            throw new IllegalArgumentException(property + " must be positive, not " + n);
        }
        return n;
    }

    /** The {@code cursor} query parameter: an offset, 0 when absent; 400 when malformed. */
    static int cursor(Exchange ex) {
        String c = ex.query("cursor");
        if (c == null || c.isEmpty()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(c);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw HubException.badRequest("Invalid cursor \"" + c + "\"");
        }
    }

    /** Sets {@code Link: <this URL with cursor=next>; rel="next"}, absolute and with every other parameter kept. */
    static void linkNext(Exchange ex, int next) {
        StringBuilder q = new StringBuilder();
        for (String pair : ex.rawQuery().split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (pair.isEmpty() || URLDecoder.decode(key, StandardCharsets.UTF_8).equals("cursor")) {
                continue;
            }
            q.append(pair).append('&');
        }
        q.append("cursor=").append(next);
        ex.header("Link", "<" + ex.baseUrl() + ex.rawPath() + "?" + q + ">; rel=\"next\"");
    }

    /** The git identity of a user's commits. */
    static PersonIdent ident(Principal p) {
        return new PersonIdent(p.user(), p.user() + "@users.noreply.skiff", Instant.now(), ZoneOffset.UTC);
    }

    /** The repo's URL on this hub: {@code <base>/[datasets/|spaces/]ns/name}. */
    static String repoUrl(Hub hub, Repo repo) {
        return hub.repos().url(RepoType.parse(repo.type()), repo.namespace(), repo.name());
    }

    /** A tree or paths-info entry. */
    static Map<String, Object> entryJson(FileEntry e, dev.skiff.hub.git.CommitInfo last) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", e.directory() ? "directory" : "file");
        m.put("oid", e.oid());
        m.put("size", e.size());
        m.put("path", e.path());
        if (e.lfs() != null) {
            m.put("lfs", Map.of("oid", e.lfs().oid(), "size", e.lfs().size(), "pointerSize", e.blobSize()));
        }
        if (last != null) {
            m.put("lastCommit", Map.of("id", last.id(), "title", last.title(), "date", SqlMetaStore.format(last.date())));
        }
        return m;
    }

    /** A path from a request, without leading or trailing slashes. */
    static String cleanPath(String p) {
        if (p == null) {
            return "";
        }
        return p.replaceAll("^/+", "").replaceAll("/+$", "");
    }

    /**
     * After {@code main} moved: see {@link HeadSync#mainMoved}. The commit is already durable, so a failure here (the
     * metadata store being down) is logged, not answered: the next start-up catches the metadata up.
     */
    static void mainChanged(Hub hub, Repo repo, ObjectId commit) {
        try {
            HeadSync.mainMoved(hub, repo, commit);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Contents.class).warn("{}: main moved to {} but the metadata store was not"
                    + " updated ({}); it will be at the next start", repo.id(), commit.name(), e.toString());
        }
    }

    static Map<?, ?> frontMatter(String readme) {
        return HeadSync.frontMatter(readme);
    }

}
