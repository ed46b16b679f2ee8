package dev.skiff.hub.files;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.hub.HubConfig;
import dev.skiff.hub.HubServer;
import dev.skiff.hub.db.MetaStore;
import dev.skiff.hub.http.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A hub for HTTP-level tests of the content endpoints: users alice and bob (write tokens), a read token for alice, an
 * org acme where alice writes; helpers that call the API as the Python client does.
 */
final class HubFixture implements AutoCloseable {
    final HubServer server;
    final String base;
    final String alice;
    final String aliceRead;
    final String bob;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HubFixture(HubServer server) {
        this.server = server;
        this.base = server.url();
        MetaStore meta = server.hub().meta();
        meta.ensureUser("alice");
        meta.ensureUser("bob");
        meta.ensureOrg("acme");
        meta.addMember("acme", "alice", "write");
        alice = meta.createToken("alice", "write", "test");
        aliceRead = meta.createToken("alice", "read", "test-read");
        bob = meta.createToken("bob", "write", "test");
    }

    static HubFixture start(Path data, String dbUrl, UnaryOperator<HubConfig> tweak) throws Exception {
        HubConfig cfg = tweak.apply(HubConfig.defaults(data).withPort(0));
        return new HubFixture(HubServer.start(dbUrl == null ? cfg : cfg.withDbUrl(dbUrl)));
    }

    static HubFixture start(Path data) throws Exception {
        return start(data, null, c -> c);
    }

    @Override
    public void close() throws Exception {
        server.close();
    }

    /** A response with its bytes. */
    record Reply(int status, HttpHeaders headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text(), e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + headers.map() + " " + (body.length > 2000 ? body.length + " bytes" : text());
        }
    }

    Reply send(String method, String pathOrUrl, String token, HttpRequest.BodyPublisher body, String... headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            for (int i = 0; i < headers.length; i += 2) {
                b.header(headers[i], headers[i + 1]);
            }
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + pathOrUrl + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    Reply get(String path, String token, String... headers) {
        return send("GET", path, token, null, headers);
    }

    Reply head(String path, String token, String... headers) {
        return send("HEAD", path, token, null, headers);
    }

    Reply json(String method, String path, String token, Object body) {
        try {
            return send(method, path, token, HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body)),
                    "Content-Type", "application/json");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Creates {@code alice/<name>} (type model, dataset or space) and returns its id. */
    String createRepo(String type, String name, boolean isPrivate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("organization", "alice");
        if (!type.equals("model")) {
            body.put("type", type);
        }
        if (type.equals("space")) {
            body.put("sdk", "static");
        }
        body.put("private", isPrivate);
        Reply r = json("POST", "/api/repos/create", alice, body);
        if (r.status() != 200) {
            throw new AssertionError("create " + name + ": " + r);
        }
        return "alice/" + name;
    }

    /** One NDJSON line. */
    static String line(String key, Object value) {
        try {
            return Json.MAPPER.writeValueAsString(Map.of("key", key, "value", value)) + "\n";
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static String header(String summary, String parent) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("summary", summary);
        v.put("description", "");
        if (parent != null) {
            v.put("parentCommit", parent);
        }
        return line("header", v);
    }

    static String file(String path, byte[] content) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("content", Base64.getEncoder().encodeToString(content));
        v.put("path", path);
        v.put("encoding", "base64");
        return line("file", v);
    }

    static String file(String path, String content) {
        return file(path, content.getBytes(StandardCharsets.UTF_8));
    }

    static String deleted(String path) {
        return line("deletedFile", Map.of("path", path));
    }

    static String deletedFolder(String path) {
        return line("deletedFolder", Map.of("path", path));
    }

    static String lfsFile(String path, String oid, Long size) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("path", path);
        v.put("algo", "sha256");
        v.put("oid", oid);
        if (size != null) {
            v.put("size", size);
        }
        return line("lfsFile", v);
    }

    /** POST /api/{plural}/{repo}/commit/{rev} with NDJSON lines. */
    Reply commit(String plural, String repo, String rev, String token, String... lines) {
        return send("POST", "/api/" + plural + "/" + repo + "/commit/" + rev, token,
                HttpRequest.BodyPublishers.ofString(String.join("", lines)), "Content-Type", "application/x-ndjson");
    }

    /** A commit on main of a model repo by alice, which must succeed; returns the commit id. */
    String commitOk(String repo, String... lines) {
        List<String> all = new ArrayList<>();
        all.add(header("test commit", null));
        all.addAll(List.of(lines));
        Reply r = commit("models", repo, "main", alice, all.toArray(String[]::new));
        if (r.status() != 200) {
            throw new AssertionError("commit: " + r);
        }
        return r.json().get("commitOid").asText();
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }
}
