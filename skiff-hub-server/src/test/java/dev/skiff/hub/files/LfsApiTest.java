package dev.skiff.hub.files;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.hub.files.HubFixture.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The LFS batch API and the signed hrefs, as huggingface_hub (basic, multipart) and git-lfs use them. */
class LfsApiTest {
    @TempDir
    Path tmp;
    HubFixture hub;
    String repo;

    @BeforeEach
    void start() throws Exception {
        hub = HubFixture.start(tmp.resolve("data"), null, c -> c.withRegularUploadMax(10).withLfsMultipart(1000, 2500));
        repo = hub.createRepo("model", "l", false);
    }

    @AfterEach
    void stop() throws Exception {
        hub.close();
    }

    Reply batch(String repoPath, String token, String operation, List<String> transfers, Object... oidSize) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (int i = 0; i < oidSize.length; i += 2) {
            objects.add(Map.of("oid", oidSize[i], "size", oidSize[i + 1]));
        }
        return hub.json("POST", "/" + repoPath + ".git/info/lfs/objects/batch", token, Map.of("operation", operation,
                "transfers", transfers, "objects", objects, "hash_algo", "sha256", "ref", Map.of("name", "main")));
    }

    @Test
    void basicUploadThenVerifyThenCommitThenDownload() {
        byte[] data = HubFixture.random(2000, 1);
        String oid = HubFixture.sha256(data);
        Reply b = batch(repo, hub.alice, "upload", List.of("basic", "multipart"), oid, 2000);
        assertThat(b.status()).isEqualTo(200);
        assertThat(b.header("Content-Type")).startsWith("application/vnd.git-lfs+json");
        JsonNode obj = b.json().get("objects").get(0);
        String put = obj.get("actions").get("upload").get("href").asText();
        assertThat(put).startsWith(hub.base + "/lfs/objects/" + oid + "?");
        assertThat(obj.get("actions").get("upload").has("header")).isFalse();
        String verify = obj.get("actions").get("verify").get("href").asText();
        assertThat(verify).isEqualTo(hub.base + "/" + repo + ".git/info/lfs/objects/verify");

        // a commit cannot use the object before it is uploaded
        assertThat(hub.commit("models", repo, "main", hub.alice, HubFixture.lfsFile("w.bin", oid, 2000L)).status()).isEqualTo(422);
        // the PUT needs no Authorization, only an intact signature, and content that matches
        assertThat(hub.send("PUT", put.replace("size=2000", "size=2001"), null, HttpRequest.BodyPublishers.ofByteArray(data)).status())
                .isEqualTo(403);
        assertThat(hub.send("PUT", put, null, HttpRequest.BodyPublishers.ofByteArray(HubFixture.random(2000, 2))).status())
                .isEqualTo(400);
        assertThat(hub.json("POST", verify, hub.alice, Map.of("oid", oid, "size", 2000)).status()).isEqualTo(404);
        assertThat(hub.send("PUT", put, null, HttpRequest.BodyPublishers.ofByteArray(data)).status()).isEqualTo(200);
        assertThat(hub.json("POST", verify, null, Map.of("oid", oid, "size", 2000)).status()).isEqualTo(401);
        assertThat(hub.json("POST", verify, hub.alice, Map.of("oid", oid, "size", 2000)).status()).isEqualTo(200);

        // uploaded: a second batch has nothing to do
        assertThat(batch(repo, hub.alice, "upload", List.of("basic"), oid, 2000).json().get("objects").get(0).has("actions")).isFalse();

        // lfsFile without size (as copies send it) takes the stored size
        Reply c = hub.commit("models", repo, "main", hub.alice, HubFixture.header("lfs", null), HubFixture.lfsFile("w.bin", oid, null));
        assertThat(c.status()).as(c.toString()).isEqualTo(200);
        Reply h = hub.head("/" + repo + "/resolve/main/w.bin", null);
        assertThat(h.header("X-Linked-Size")).isEqualTo("2000");
        assertThat(h.header("ETag")).isEqualTo("\"" + oid + "\"");
        assertThat(hub.get("/" + repo + "/resolve/main/w.bin", null).body()).isEqualTo(data);
        Reply wrongSize = hub.commit("models", repo, "main", hub.alice, HubFixture.lfsFile("x.bin", oid, 5L));
        assertThat(wrongSize.status()).isEqualTo(400);

        // git-lfs downloads through the batch API, anonymously for a public repo
        Reply d = batch(repo, null, "download", List.of("basic"), oid, 2000, "c".repeat(64), 5);
        JsonNode dl = d.json().get("objects");
        String href = dl.get(0).get("actions").get("download").get("href").asText();
        assertThat(hub.get(href, null).body()).isEqualTo(data);
        assertThat(hub.get(href, null, "Range", "bytes=0-9").body()).isEqualTo(Arrays.copyOf(data, 10));
        assertThat(hub.get(href.replace("sig=", "sig=x"), null).status()).isEqualTo(403);
        assertThat(dl.get(1).get("error").get("code").asInt()).isEqualTo(404);
    }

    @Test
    void objectsAreScopedToTheRepositoriesTheyWereUploadedThrough() {
        byte[] data = HubFixture.random(100, 3);
        String oid = HubFixture.sha256(data);
        String put = batch(repo, hub.alice, "upload", List.of("basic"), oid, 100).json().get("objects").get(0)
                .get("actions").get("upload").get("href").asText();
        hub.send("PUT", put, null, HttpRequest.BodyPublishers.ofByteArray(data));
        String other = hub.createRepo("model", "other", false);
        // knowing the hash is not enough: the other repo must upload the bytes itself
        assertThat(batch(other, hub.alice, "upload", List.of("basic"), oid, 100).json().get("objects").get(0).has("actions")).isTrue();
        assertThat(hub.commit("models", other, "main", hub.alice, HubFixture.lfsFile("x.bin", oid, 100L)).status()).isEqualTo(422);
        assertThat(batch(other, null, "download", List.of("basic"), oid, 100).json().get("objects").get(0).has("error")).isTrue();
    }

    @Test
    void multipartUploadsSendNumberedPartHrefsAndAChunkSize() {
        byte[] data = HubFixture.random(2600, 4);
        String oid = HubFixture.sha256(data);
        JsonNode upload = batch(repo, hub.alice, "upload", List.of("basic", "multipart"), oid, 2600).json()
                .get("objects").get(0).get("actions").get("upload");
        JsonNode header = upload.get("header");
        assertThat(header.get("chunk_size").asText()).isEqualTo("1000");
        List<String> keys = new ArrayList<>();
        header.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("chunk_size", "1", "2", "3");
        List<Map<String, Object>> parts = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            byte[] slice = Arrays.copyOfRange(data, (i - 1) * 1000, Math.min(i * 1000, data.length));
            Reply p = hub.send("PUT", header.get(Integer.toString(i)).asText(), null, HttpRequest.BodyPublishers.ofByteArray(slice));
            assertThat(p.status()).isEqualTo(200);
            assertThat(p.header("ETag")).isNotBlank();
            parts.add(Map.of("partNumber", i, "etag", p.header("ETag")));
        }
        // a part href is only good for its own number
        assertThat(hub.send("PUT", header.get("1").asText().replace("/parts/1?", "/parts/2?"), null,
                HttpRequest.BodyPublishers.ofByteArray(new byte[1])).status()).isEqualTo(403);
        Reply bad = hub.send("POST", upload.get("href").asText(), null, HttpRequest.BodyPublishers.ofString(
                "{\"oid\":\"" + oid + "\",\"parts\":[{\"partNumber\":1,\"etag\":\"\\\"nope\\\"\"}]}"),
                "Content-Type", "application/vnd.git-lfs+json");
        assertThat(bad.status()).isEqualTo(400);
        Reply done = hub.json("POST", upload.get("href").asText(), null, Map.of("oid", oid, "parts", parts));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(hub.server.hub().blobs().size(oid)).isEqualTo(2600);
        // without multipart in transfers, or small enough, a plain PUT
        assertThat(batch(repo, hub.alice, "upload", List.of("basic"), HubFixture.sha256(new byte[5000]), 5000).json()
                .get("objects").get(0).get("actions").get("upload").has("header")).isFalse();
    }

    @Test
    void writesNeedWriteAccessAndBadObjectsGetErrors() {
        String oid = "d".repeat(64);
        Reply anon = batch(repo, null, "upload", List.of("basic"), oid, 1);
        assertThat(anon.status()).isEqualTo(401);
        assertThat(anon.header("LFS-Authenticate")).startsWith("Basic");
        assertThat(batch(repo, hub.aliceRead, "upload", List.of("basic"), oid, 1).status()).isEqualTo(403);
        assertThat(batch(repo, hub.bob, "upload", List.of("basic"), oid, 1).status()).isEqualTo(403);
        JsonNode objs = batch(repo, hub.alice, "upload", List.of("basic"), "XYZ", 1, oid, -1).json().get("objects");
        assertThat(objs.get(0).get("error").get("code").asInt()).isEqualTo(422);
        assertThat(objs.get(1).get("error").get("code").asInt()).isEqualTo(422);
        assertThat(hub.json("POST", "/" + repo + ".git/info/lfs/objects/batch", hub.alice, Map.of("operation", "delete")).status())
                .isEqualTo(422);
        String d = hub.createRepo("dataset", "ds", true);
        Reply ds = batch("datasets/" + d, hub.alice, "upload", List.of("basic"), oid, 1);
        assertThat(ds.status()).isEqualTo(200);
        assertThat(batch("datasets/" + d, null, "download", List.of("basic"), oid, 1).status()).isEqualTo(401);
        assertThat(batch(d, hub.alice, "upload", List.of("basic"), oid, 1).status()).isEqualTo(404); // no such model
    }
}
