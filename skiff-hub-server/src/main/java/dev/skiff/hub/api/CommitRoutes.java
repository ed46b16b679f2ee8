package dev.skiff.hub.api;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.hub.Hub;
import dev.skiff.hub.auth.Principal;
import dev.skiff.hub.db.MetaStore.Repo;
import dev.skiff.hub.git.Change;
import dev.skiff.hub.git.FileEntry;
import dev.skiff.hub.git.GitRules;
import dev.skiff.hub.git.GitStore;
import dev.skiff.hub.git.LfsPolicy;
import dev.skiff.hub.http.Exchange;
import dev.skiff.hub.http.HubException;
import dev.skiff.hub.http.Json;
import dev.skiff.hub.http.Router;
import dev.skiff.hub.lfs.BlobStore;
import dev.skiff.hub.lfs.LfsPointer;
import dev.skiff.hub.repo.RepoType;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/{type}s/{ns}/{name}/preupload/{rev}} (how each file travels: {@code regular} up to the configured
 * size, which keeps stock clients with {@code hf_xet} off Xet, else {@code lfs}; gitignore; the remote oid for no-op
 * detection) and {@code POST /api/{type}s/{ns}/{name}/commit/{rev}} (the NDJSON commit, stream-parsed: base64 content
 * is decoded straight to temp files).
 */
final class CommitRoutes implements RouteGroup {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CommitRoutes.class);
    /** Regular uploads larger than this are stored in LFS, as the Hub requires for files over 10 MB. */
    static final long LFS_AUTO_ABOVE = 10L << 20;
    private static final int MAX_PREUPLOAD = 1000;

    @Override
    public void register(Router r, Hub hub) {
        reconcileHeads(hub);
        for (RepoType t : RepoType.values()) {
            String repo = "/api/" + t.plural() + "/{ns}/{name}";
            r.add("POST", repo + "/preupload/{rev}", (ex, p) -> preupload(ex, hub, t, p.get("ns"), p.get("name"), p.get("rev")));
            r.add("POST", repo + "/commit/{rev}", (ex, p) -> commit(ex, hub, t, p.get("ns"), p.get("name"), p.get("rev")));
        }
    }

    /**
     * At start-up: a crash between moving {@code main} and recording it in the metadata store leaves the store behind;
     * git is the truth, so the store catches up (head, README card data).
     */
    static void reconcileHeads(Hub hub) {
        for (RepoType t : RepoType.values()) {
            for (Repo repo : hub.meta().repos(t.id(), null)) {
                try {
                    String head = hub.git().head(repo.storageId());
                    if (head != null && !head.equals(repo.sha())) {
                        LOG.info("{} {}: main is at {} but the metadata says {}; updating the metadata", t.id(), repo.id(),
                                head, repo.sha());
                        Contents.mainChanged(hub, repo, ObjectId.fromString(head));
                    }
                } catch (RuntimeException e) {
                    LOG.warn("{} {}: cannot read its git storage {}: {}", t.id(), repo.id(), repo.storageId(), e.toString());
                }
            }
        }
    }

    private static void refusePullRequests(Exchange ex) {
        if (ex.queryFlag("create_pr")) {
            throw HubException.badRequest("Pull requests are not supported by this hub (create_pr): commit to a branch"
                    + " instead (create_branch, then revision=<branch>)");
        }
    }

    // ------------------------------------------------------------------------------------------ preupload

    private static void preupload(Exchange ex, Hub hub, RepoType type, String ns, String name, String rev) throws IOException {
        Repo repo = hub.access().writable(ex, type.id(), ns, name);
        refusePullRequests(ex);
        GitStore git = hub.git();
        ObjectId commit = git.require(repo.storageId(), rev);
        JsonNode body = ex.jsonBody(16 << 20);
        JsonNode files = body.path("files");
        if (!files.isArray()) {
            throw HubException.badRequest("\"files\" must be a list of {path, sample, size}");
        }
        if (files.size() > MAX_PREUPLOAD) {
            throw HubException.badRequest("At most " + MAX_PREUPLOAD + " files per preupload call, got " + files.size());
        }
        JsonNode gi = body.get("gitIgnore");
        String ignoreText;
        if (gi != null && gi.isTextual()) {
            ignoreText = gi.asText();
        } else {
            byte[] b = git.readSmall(repo.storageId(), commit, ".gitignore", 1 << 20);
            ignoreText = b == null ? null : new String(b, StandardCharsets.UTF_8);
        }
        GitRules.Ignore ignore = GitRules.Ignore.parse(ignoreText);
        long regularMax = hub.config().regularUploadMax();
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode f : files) {
            String path = f.path("path").asText(null);
            if (path == null) {
                throw HubException.badRequest("every file needs a \"path\"");
            }
            long size = f.path("size").asLong(0);
            String mode = size > regularMax ? "lfs" : "regular";
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", path);
            m.put("uploadMode", mode);
            m.put("shouldIgnore", GitStore.isCleanPath(path) && ignore.isIgnored(path));
            m.put("oid", GitStore.isCleanPath(path) ? remoteOid(hub, repo, commit, path, mode) : null);
            out.add(m);
        }
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("files", out);
        res.put("commitOid", commit.name());
        ex.json(200, res);
    }

    /**
     * The oid the client compares its local file with to skip unchanged files: the git blob id of the content for
     * regular uploads, its sha256 for LFS uploads (whichever way the hub stored the current file).
     */
    private static String remoteOid(Hub hub, Repo repo, ObjectId commit, String path, String mode) throws IOException {
        FileEntry e = hub.git().entry(repo.storageId(), commit, path);
        if (e == null || e.directory()) {
            return null;
        }
        if (e.lfs() != null) {
            if (mode.equals("lfs")) {
                return e.lfs().oid();
            }
            return hub.blobs().size(e.lfs().oid()) >= 0 ? hub.blobs().gitBlobId(e.lfs().oid()) : null;
        }
        if (mode.equals("regular")) {
            return e.oid();
        }
        MessageDigest sha = sha256();
        ObjectLoader l = hub.git().blob(repo.storageId(), e.id());
        try (InputStream in = l.openStream()) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    // ------------------------------------------------------------------------------------------ commit

    /** What the NDJSON body says. */
    private static final class Parsed {
        String summary;
        String description = "";
        String parentCommit;
        final List<Change> changes = new ArrayList<>();
        final List<Path> temps = new ArrayList<>();
    }

    private static void commit(Exchange ex, Hub hub, RepoType type, String ns, String name, String rev) throws IOException {
        Repo repo = hub.access().writable(ex, type.id(), ns, name);
        Principal who = hub.auth().required(ex);
        refusePullRequests(ex);
        GitStore git = hub.git();
        String branch = rev.startsWith(GitStore.HEADS) ? rev.substring(GitStore.HEADS.length()) : rev;
        if (!GitStore.isValidRefName(GitStore.HEADS, branch) || git.branch(repo.storageId(), branch) == null) {
            throw HubException.revisionNotFound(rev);
        }
        Parsed parsed = new Parsed();
        try {
            parse(ex, hub.blobs(), parsed);
            List<Change> changes = resolveLfs(hub.blobs(), repo, parsed.changes);
            String summary = parsed.summary == null || parsed.summary.isBlank() ? "Upload files" : parsed.summary.strip();
            String message = parsed.description == null || parsed.description.isBlank() ? summary
                    : summary + "\n\n" + parsed.description.strip();
            ObjectId c = git.commit(repo.storageId(), branch, parsed.parentCommit, changes, Contents.ident(who), message,
                    policy(hub.blobs(), repo.storageId()));
            if (branch.equals(GitStore.MAIN)) {
                Contents.mainChanged(hub, repo, c);
            }
            Map<String, Object> res = new LinkedHashMap<>();
            res.put("success", true);
            res.put("commitOid", c.name());
            res.put("commitUrl", Contents.repoUrl(hub, repo) + "/commit/" + c.name());
            res.put("hookOutput", "");
            ex.json(200, res);
        } finally {
            for (Path t : parsed.temps) {
                Files.deleteIfExists(t);
            }
        }
    }

    /** Stores big or LFS-tracked regular uploads in the LFS store, linked to the repository. */
    static LfsPolicy policy(BlobStore blobs, String scope) {
        return new LfsPolicy() {
            @Override
            public boolean toLfs(String path, long size, boolean tracked) {
                return size > 0 && (tracked || size > LFS_AUTO_ABOVE);
            }

            @Override
            public LfsPointer store(Path file, String oid, long size) throws IOException {
                if (blobs.size(oid) != size) {
                    blobs.importFile(file, oid, size);
                }
                blobs.link(scope, oid);
                return new LfsPointer(oid, size);
            }

            @Override
            public boolean has(String oid) {
                return blobs.isLinked(scope, oid);
            }
        };
    }

    /** Checks each {@code lfsFile} against the store, filling in a missing size. */
    private static List<Change> resolveLfs(BlobStore blobs, Repo repo, List<Change> changes) {
        List<Change> out = new ArrayList<>(changes.size());
        for (Change c : changes) {
            if (c instanceof Change.AddLfs l) {
                String oid = l.pointer().oid();
                long stored = blobs.size(oid);
                if (stored < 0 || !blobs.isLinked(repo.storageId(), oid)) {
                    throw new HubException(422, null, "The LFS object " + oid + " of " + l.path()
                            + " has not been uploaded to this repository: upload it through the LFS batch API first");
                }
                if (l.pointer().size() >= 0 && l.pointer().size() != stored && l.pointer().size() != Long.MAX_VALUE) {
                    throw HubException.badRequest("lfsFile " + l.path() + " says size " + l.pointer().size()
                            + " but the stored object has " + stored + " bytes");
                }
                out.add(new Change.AddLfs(l.path(), new LfsPointer(oid, stored)));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    /** Stream-parses the NDJSON body: one {"key", "value"} object per line. */
    private static void parse(Exchange ex, BlobStore blobs, Parsed out) throws IOException {
        try (JsonParser p = Json.MAPPER.getFactory().createParser(ex.body())) {
            JsonToken t;
            int line = 0;
            while ((t = p.nextToken()) != null) {
                line++;
                if (t != JsonToken.START_OBJECT) {
                    throw HubException.badRequest("commit line " + line + " is not a JSON object");
                }
                String key = null;
                JsonNode bufferedValue = null;
                boolean handled = false;
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    if (field.equals("key")) {
                        key = p.getValueAsString();
                    } else if (field.equals("value")) {
                        if (p.currentToken() != JsonToken.START_OBJECT) {
                            throw HubException.badRequest("commit line " + line + ": \"value\" must be an object");
                        }
                        if (key == null) {
                            bufferedValue = p.readValueAsTree(); // key comes later: no streaming for this line
                        } else {
                            handle(key, p, null, blobs, out, line);
                            handled = true;
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                if (key == null) {
                    throw HubException.badRequest("commit line " + line + " has no \"key\"");
                }
                if (!handled) {
                    if (bufferedValue == null) {
                        throw HubException.badRequest("commit line " + line + " has no \"value\"");
                    }
                    handle(key, null, bufferedValue, blobs, out, line);
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw HubException.badRequest("malformed commit body: " + e.getOriginalMessage());
        }
    }

    /** One operation, from the parser positioned on its value object or from an already-read tree. */
    private static void handle(String key, JsonParser p, JsonNode tree, BlobStore blobs, Parsed out, int line)
            throws IOException {
        if (key.equals("file")) {
            if (tree != null) {
                fileFromTree(tree, blobs, out, line);
            } else {
                fileFromStream(p, blobs, out, line);
            }
            return;
        }
        JsonNode v = tree != null ? tree : p.readValueAsTree();
        switch (key) {
            case "header" -> {
                out.summary = v.path("summary").asText(null);
                out.description = v.path("description").asText("");
                JsonNode pc = v.get("parentCommit");
                out.parentCommit = pc == null || pc.isNull() || pc.asText().isEmpty() ? null : pc.asText();
            }
            case "lfsFile" -> {
                String path = required(v, "path", line);
                String algo = v.path("algo").asText("sha256");
                String oid = required(v, "oid", line);
                if (!algo.equals("sha256") || !LfsPointer.isOid(oid)) {
                    throw HubException.badRequest("commit line " + line + ": lfsFile needs a sha256 oid (64 lower-case hex)");
                }
                JsonNode size = v.get("size");
                long s = size == null || size.isNull() ? Long.MAX_VALUE : size.asLong(-1);
                if (s < 0) {
                    throw HubException.badRequest("commit line " + line + ": bad lfsFile size " + size);
                }
                out.changes.add(new Change.AddLfs(path, new LfsPointer(oid, s)));
            }
            case "deletedFile" -> out.changes.add(new Change.Delete(required(v, "path", line)));
            case "deletedFolder" -> out.changes.add(new Change.DeleteFolder(required(v, "path", line)));
            default -> throw HubException.badRequest("commit line " + line + ": unknown key \"" + key
                    + "\" (expected header, file, lfsFile, deletedFile or deletedFolder)");
        }
    }

    private static String required(JsonNode v, String field, int line) {
        JsonNode n = v.get(field);
        if (n == null || !n.isTextual() || n.asText().isEmpty()) {
            throw HubException.badRequest("commit line " + line + ": \"" + field + "\" is required");
        }
        return n.asText();
    }

    /** A {@code file} value read field by field; {@code content} is base64-decoded straight to a temp file. */
    private static void fileFromStream(JsonParser p, BlobStore blobs, Parsed out, int line) throws IOException {
        String path = null;
        String encoding = null;
        Staged staged = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "path" -> path = p.getValueAsString();
                case "encoding" -> encoding = p.getValueAsString();
                case "content" -> {
                    if (p.currentToken() != JsonToken.VALUE_STRING) {
                        throw HubException.badRequest("commit line " + line + ": \"content\" must be a string");
                    }
                    String enc = encoding;
                    staged = stage(blobs, out, outStream -> {
                        if (enc == null || enc.equalsIgnoreCase("base64")) {
                            p.readBinaryValue(Base64Variants.MIME_NO_LINEFEEDS, outStream);
                        } else {
                            outStream.write(p.getText().getBytes(StandardCharsets.UTF_8));
                        }
                    });
                }
                default -> p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw HubException.badRequest("commit line " + line + ": malformed file value");
        }
        addFile(path, encoding, staged, out, line);
    }

    private static void fileFromTree(JsonNode v, BlobStore blobs, Parsed out, int line) throws IOException {
        String encoding = v.path("encoding").asText(null);
        String content = v.path("content").asText("");
        Staged staged = stage(blobs, out, os -> {
            if (encoding == null || encoding.equalsIgnoreCase("base64")) {
                try {
                    os.write(java.util.Base64.getMimeDecoder().decode(content));
                } catch (IllegalArgumentException e) {
                    throw HubException.badRequest("commit line " + line + ": content is not base64");
                }
            } else {
                os.write(content.getBytes(StandardCharsets.UTF_8));
            }
        });
        addFile(v.path("path").asText(null), encoding, staged, out, line);
    }

    private static void addFile(String path, String encoding, Staged staged, Parsed out, int line) {
        if (path == null || path.isEmpty()) {
            throw HubException.badRequest("commit line " + line + ": file needs a \"path\"");
        }
        if (encoding != null && !encoding.equalsIgnoreCase("base64") && !encoding.equalsIgnoreCase("utf-8")) {
            throw HubException.badRequest("commit line " + line + ": unsupported encoding \"" + encoding + "\"");
        }
        if (staged == null) {
            throw HubException.badRequest("commit line " + line + ": file " + path + " has no \"content\"");
        }
        out.changes.add(new Change.AddFile(path, staged.file(), staged.size(), staged.sha256()));
    }

    private record Staged(Path file, long size, String sha256) {
    }

    @FunctionalInterface
    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Writes content to a new temp file of the blob store, counting and hashing it. */
    private static Staged stage(BlobStore blobs, Parsed parsed, Writer w) throws IOException {
        Path t = blobs.newTempFile();
        parsed.temps.add(t);
        MessageDigest sha = sha256();
        long[] n = {0};
        try (OutputStream file = new java.io.BufferedOutputStream(Files.newOutputStream(t), 1 << 16);
             OutputStream counted = new FilterOutputStream(new DigestOutputStream(file, sha)) {
                 @Override
                 public void write(byte[] b, int off, int len) throws IOException {
                     out.write(b, off, len);
                     n[0] += len;
                 }

                 @Override
                 public void write(int b) throws IOException {
                     out.write(b);
                     n[0]++;
                 }
             }) {
            try {
                w.write(counted);
            } catch (com.fasterxml.jackson.core.JsonParseException e) {
                throw HubException.badRequest("file content is not valid base64: " + e.getOriginalMessage());
            } catch (IllegalArgumentException e) {
                throw HubException.badRequest("file content is not valid base64: " + e.getMessage());
            }
        }
        return new Staged(t, n[0], HexFormat.of().formatHex(sha.digest()));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
