package dev.skiff.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.hub.Hub;
import dev.skiff.hub.db.MetaStore.Repo;
import dev.skiff.hub.http.Exchange;
import dev.skiff.hub.http.HubException;
import dev.skiff.hub.http.Router;
import dev.skiff.hub.lfs.BlobMismatchException;
import dev.skiff.hub.lfs.BlobStore;
import dev.skiff.hub.lfs.LfsPointer;
import dev.skiff.hub.repo.RepoType;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Git LFS batch API at {@code /[datasets/|spaces/]{ns}/{name}.git/info/lfs/objects/batch} (uploads for the Python
 * client, basic or its multipart transfer; downloads for git-lfs), the verify call, and the self-authorising hrefs the
 * store hands out: {@code PUT /lfs/objects/{oid}}, {@code PUT /lfs/objects/{oid}/parts/{n}} (answers an ETag),
 * {@code POST /lfs/objects/{oid}/complete}, {@code GET /lfs/objects/{oid}}.
 */
final class LfsRoutes implements RouteGroup {
    static final String LFS_JSON = "application/vnd.git-lfs+json";
    private static final int MAX_OBJECTS = 1000;

    @Override
    public void register(Router r, Hub hub) {
        for (RepoType t : List.of(RepoType.DATASET, RepoType.SPACE, RepoType.MODEL)) {
            String base = "/" + t.urlPrefix() + "{ns}/{repo}/info/lfs/objects";
            r.add("POST", base + "/batch", (ex, p) -> batch(ex, hub, t, p.get("ns"), p.get("repo")));
            r.add("POST", base + "/verify", (ex, p) -> verify(ex, hub, t, p.get("ns"), p.get("repo")));
            // git-lfs asks about file locks before a push; this hub has none
            String locks = "/" + t.urlPrefix() + "{ns}/{repo}/info/lfs/locks";
            r.add("POST", locks + "/verify", (ex, p) -> {
                repo(ex, hub, t, p.get("ns"), p.get("repo"), true);
                ex.bytes(200, LFS_JSON, "{\"ours\":[],\"theirs\":[]}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            });
            r.add("GET", locks, (ex, p) -> {
                repo(ex, hub, t, p.get("ns"), p.get("repo"), false);
                ex.bytes(200, LFS_JSON, "{\"locks\":[]}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            });
        }
        r.add("PUT", "/lfs/objects/{oid}", (ex, p) -> upload(ex, hub, p.get("oid")));
        r.add("GET", "/lfs/objects/{oid}", (ex, p) -> download(ex, hub, p.get("oid")));
        r.add("PUT", "/lfs/objects/{oid}/parts/{n}", (ex, p) -> part(ex, hub, p.get("oid"), p.get("n")));
        r.add("POST", "/lfs/objects/{oid}/complete", (ex, p) -> complete(ex, hub, p.get("oid")));
    }

    /** {@code name.git} or {@code name}. */
    private static String repoName(String seg) {
        return seg.endsWith(".git") ? seg.substring(0, seg.length() - 4) : seg;
    }

    /** The repo, for reading or writing; a 401 also asks git-lfs for credentials. */
    private static Repo repo(Exchange ex, Hub hub, RepoType t, String ns, String seg, boolean write) {
        try {
            String name = repoName(seg);
            return write ? hub.access().writable(ex, t.id(), ns, name) : hub.access().readable(ex, t.id(), ns, name);
        } catch (HubException e) {
            if (e.status() == 401) {
                Map<String, String> h = new HashMap<>(e.extraHeaders());
                h.put("LFS-Authenticate", "Basic realm=\"Skiff hub\"");
                throw new HubException(401, e.code(), e.getMessage(), e.extraBody(), h);
            }
            throw e;
        }
    }

    private static void batch(Exchange ex, Hub hub, RepoType type, String ns, String seg) throws IOException {
        JsonNode body = ex.jsonBody(16 << 20);
        String operation = body.path("operation").asText("");
        if (!operation.equals("upload") && !operation.equals("download")) {
            throw new HubException(422, null, "operation must be upload or download, not \"" + operation + "\"");
        }
        boolean upload = operation.equals("upload");
        Repo repo = repo(ex, hub, type, ns, seg, upload);
        String algo = body.path("hash_algo").asText("sha256");
        if (!algo.equals("sha256")) {
            throw new HubException(409, null, "Only sha256 is supported, not " + algo);
        }
        List<String> transfers = new ArrayList<>();
        body.path("transfers").forEach(t -> transfers.add(t.asText()));
        if (transfers.isEmpty()) {
            transfers.add("basic");
        }
        JsonNode objects = body.path("objects");
        if (!objects.isArray() || objects.size() > MAX_OBJECTS) {
            throw new HubException(422, null, "objects must be a list of at most " + MAX_OBJECTS + " {oid, size}");
        }
        BlobStore blobs = hub.blobs();
        String scope = repo.storageId();
        String verifyHref = Contents.repoUrl(hub, repo) + ".git/info/lfs/objects/verify";
        String auth = ex.header("Authorization");
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode o : objects) {
            String oid = o.path("oid").asText("");
            long size = o.path("size").asLong(-1);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("oid", oid);
            m.put("size", Math.max(size, 0));
            if (!LfsPointer.isOid(oid) || size < 0 || !o.path("size").canConvertToLong()) {
                m.put("error", Map.of("code", 422, "message", "Invalid object: oid must be 64 lower-case hex, size >= 0"));
                out.add(m);
                continue;
            }
            long stored = blobs.size(oid);
            boolean linked = stored >= 0 && blobs.isLinked(scope, oid);
            m.put("authenticated", true);
            if (upload) {
                if (stored >= 0 && stored != size) {
                    m.put("error", Map.of("code", 422, "message", "Object " + oid + " exists with size " + stored
                            + ", not " + size));
                } else if (!linked) {
                    BlobStore.Action a = blobs.uploadAction(scope, oid, size, transfers.contains("multipart"));
                    Map<String, Object> up = new LinkedHashMap<>();
                    up.put("href", a.href());
                    if (!a.header().isEmpty()) {
                        up.put("header", a.header());
                    }
                    up.put("expires_in", a.expiresInSeconds());
                    Map<String, Object> verify = new LinkedHashMap<>();
                    verify.put("href", verifyHref);
                    if (auth != null) {
                        verify.put("header", Map.of("Authorization", auth)); // git-lfs sends these; huggingface_hub its own
                    }
                    verify.put("expires_in", a.expiresInSeconds());
                    m.put("actions", Map.of("upload", up, "verify", verify));
                }
                // linked: already stored for this repo, no actions
            } else {
                if (!linked) {
                    m.put("error", Map.of("code", 404, "message", "Object " + oid + " does not exist in this repository"));
                } else {
                    BlobStore.Action a = blobs.downloadAction(scope, oid, stored);
                    m.put("actions", Map.of("download", Map.of("href", a.href(), "expires_in", a.expiresInSeconds())));
                }
            }
            out.add(m);
        }
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("transfer", "basic");
        res.put("objects", out);
        res.put("hash_algo", "sha256");
        ex.bytes(200, LFS_JSON, dev.skiff.hub.http.Json.MAPPER.writeValueAsBytes(res));
    }

    /** {@code {"oid", "size"}}: 200 once the object is stored for this repo with that size. */
    private static void verify(Exchange ex, Hub hub, RepoType type, String ns, String seg) throws IOException {
        Repo repo = repo(ex, hub, type, ns, seg, true);
        JsonNode body = ex.jsonBody(1 << 16);
        String oid = body.path("oid").asText("");
        long size = body.path("size").asLong(-1);
        if (!LfsPointer.isOid(oid)) {
            throw new HubException(422, null, "Invalid oid \"" + oid + "\"");
        }
        long stored = hub.blobs().size(oid);
        if (stored < 0 || !hub.blobs().isLinked(repo.storageId(), oid)) {
            throw new HubException(404, null, "Object " + oid + " has not been uploaded");
        }
        if (size >= 0 && stored != size) {
            throw new HubException(422, null, "Object " + oid + " has " + stored + " bytes, not " + size);
        }
        ex.bytes(200, LFS_JSON, "{}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** The signed fields of a store href: scope, size, expiry; 403 unless {@code sig} signs them. */
    private record Signed(String scope, long size) {
    }

    private static Signed signed(Exchange ex, Hub hub, String purpose, String oid, int part) {
        String scope = ex.query("scope");
        long size;
        long exp;
        try {
            size = Long.parseLong(ex.query("size"));
            exp = Long.parseLong(ex.query("exp"));
        } catch (NumberFormatException | NullPointerException e) {
            throw HubException.forbidden("This LFS link is incomplete (scope, size, exp, sig)");
        }
        if (scope == null || !LfsPointer.isOid(oid)
                || !hub.blobs().verifyHref(purpose, scope, oid, size, exp, part, ex.query("sig"))) {
            throw HubException.forbidden("This LFS link is invalid or has expired; ask the batch API for a new one");
        }
        return new Signed(scope, size);
    }

    private static void upload(Exchange ex, Hub hub, String oid) throws IOException {
        Signed s = signed(ex, hub, "upload", oid, 0);
        try {
            hub.blobs().put(oid, s.size(), ex.body());
        } catch (BlobMismatchException e) {
            throw HubException.badRequest(e.getMessage());
        }
        hub.blobs().link(s.scope(), oid);
        ex.empty(200);
    }

    private static void part(Exchange ex, Hub hub, String oid, String n) throws IOException {
        int part;
        try {
            part = Integer.parseInt(n);
        } catch (NumberFormatException e) {
            throw HubException.badRequest("bad part number " + n);
        }
        signed(ex, hub, "part", oid, part);
        String etag = hub.blobs().putPart(oid, part, ex.body());
        ex.header("ETag", etag);
        ex.empty(200);
    }

    /** {@code {"oid", "parts": [{"partNumber", "etag"}]}} → the object, verified. */
    private static void complete(Exchange ex, Hub hub, String oid) throws IOException {
        Signed s = signed(ex, hub, "complete", oid, 0);
        JsonNode body = ex.jsonBody(16 << 20);
        if (body.has("oid") && !oid.equals(body.path("oid").asText())) {
            throw HubException.badRequest("completion for " + body.path("oid").asText() + " sent to " + oid);
        }
        List<BlobStore.Part> parts = new ArrayList<>();
        for (JsonNode p : body.path("parts")) {
            parts.add(new BlobStore.Part(p.path("partNumber").asInt(-1), p.path("etag").asText(null)));
        }
        parts.sort(java.util.Comparator.comparingInt(BlobStore.Part::partNumber));
        try {
            hub.blobs().completeMultipart(oid, s.size(), parts);
        } catch (BlobMismatchException e) {
            throw HubException.badRequest(e.getMessage());
        }
        hub.blobs().link(s.scope(), oid);
        ex.bytes(200, LFS_JSON, "{}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static void download(Exchange ex, Hub hub, String oid) throws IOException {
        signed(ex, hub, "download", oid, 0);
        FileChannel ch;
        try {
            ch = hub.blobs().open(oid);
        } catch (NoSuchFileException e) {
            throw HubException.notFound("Object " + oid + " does not exist");
        }
        try (ch) {
            ex.header("ETag", "\"" + oid + "\"");
            ex.header("Accept-Ranges", "bytes");
            FileRoutes.send(ex, ch, ch.size(), "application/octet-stream");
        }
    }
}
