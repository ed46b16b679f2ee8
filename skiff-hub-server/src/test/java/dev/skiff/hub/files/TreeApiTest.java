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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.skiff.hub.files.HubFixture.file;
import static org.assertj.core.api.Assertions.assertThat;

/** Tree listing (recursive, paged with absolute Link headers, expand) and paths-info. */
class TreeApiTest {
    static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @TempDir
    Path tmp;
    HubFixture hub;
    String repo;
    String c1;
    String c2;

    @BeforeEach
    void start() throws Exception {
        System.setProperty("skiff.hub.treePageSize", "4");
        try {
            hub = HubFixture.start(tmp.resolve("data"));
        } finally {
            System.clearProperty("skiff.hub.treePageSize");
        }
        repo = hub.createRepo("model", "t", false);
        c1 = hub.commitOk(repo, file("a.txt", "a"), file("f/b.txt", "b"), file("f/sub/c.txt", "c"), file("f/sub/d w.txt", "d"),
                file("m.safetensors", "weights"));
        c2 = hub.commitOk(repo, file("a.txt", "a2"));
    }

    @AfterEach
    void stop() throws Exception {
        hub.close();
    }

    /** Follows Link next until the end, as huggingface_hub's paginate does. */
    List<JsonNode> all(String path) {
        List<JsonNode> out = new ArrayList<>();
        String url = path;
        while (url != null) {
            Reply r = hub.get(url, null);
            assertThat(r.status()).as(url).isEqualTo(200);
            r.json().forEach(out::add);
            String link = r.header("Link");
            if (link == null) {
                url = null;
            } else {
                Matcher m = NEXT.matcher(link);
                assertThat(m.find()).isTrue();
                url = m.group(1);
                assertThat(url).startsWith(hub.base + "/api/models/" + repo + "/tree/main").contains("recursive=true");
            }
        }
        return out;
    }

    @Test
    void recursiveListingsPageWithAbsoluteLinksAndIncludeDirectories() {
        List<JsonNode> items = all("/api/models/" + repo + "/tree/main?recursive=true&expand=false");
        assertThat(items).extracting(n -> n.get("path").asText()).containsExactly(".gitattributes", "a.txt", "f", "f/b.txt",
                "f/sub", "f/sub/c.txt", "f/sub/d w.txt", "m.safetensors");
        JsonNode dir = items.get(2);
        assertThat(dir.get("type").asText()).isEqualTo("directory");
        assertThat(dir.get("oid").asText()).matches("[0-9a-f]{40}");
        JsonNode lfs = items.get(7);
        assertThat(lfs.get("type").asText()).isEqualTo("file");
        assertThat(lfs.get("size").asLong()).isEqualTo(7);
        assertThat(lfs.get("lfs").get("oid").asText()).isEqualTo(HubFixture.sha256("weights".getBytes()));
        assertThat(lfs.get("lfs").get("pointerSize").asInt()).isEqualTo(126);
        assertThat(items).allSatisfy(n -> assertThat(n.has("xetHash")).isFalse());
    }

    @Test
    void listsOneFolderByPathAndFailsForMissingOnes() {
        Reply r = hub.get("/api/models/" + repo + "/tree/main/f%2Fsub?recursive=false&expand=false", null);
        assertThat(r.json()).extracting(n -> n.get("path").asText()).containsExactly("f/sub/c.txt", "f/sub/d w.txt");
        Reply nested = hub.get("/api/models/" + repo + "/tree/" + c1 + "/f/sub", null);
        assertThat(nested.json()).hasSize(2);
        Reply missing = hub.get("/api/models/" + repo + "/tree/main/nope", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("X-Error-Code")).isEqualTo("EntryNotFound");
        assertThat(hub.get("/api/models/" + repo + "/tree/nope", null).header("X-Error-Code")).isEqualTo("RevisionNotFound");
        assertThat(hub.get("/api/models/" + repo + "/tree/main?cursor=x", null).status()).isEqualTo(400);
    }

    @Test
    void expandAddsTheLastCommitOfEachEntry() {
        Reply r = hub.get("/api/models/" + repo + "/tree/main?recursive=false&expand=true", null);
        JsonNode items = r.json();
        assertThat(items.get(1).get("path").asText()).isEqualTo("a.txt");
        assertThat(items.get(1).get("lastCommit").get("id").asText()).isEqualTo(c2);
        assertThat(items.get(1).get("lastCommit").get("date").asText()).endsWith("Z");
        assertThat(items.get(2).get("lastCommit").get("id").asText()).isEqualTo(c1);
        assertThat(items.get(0).get("lastCommit").get("title").asText()).isEqualTo("initial commit");
    }

    @Test
    void pathsInfoReturnsTheEntriesThatExist() {
        Reply r = hub.send("POST", "/api/models/" + repo + "/paths-info/main", null,
                HttpRequest.BodyPublishers.ofString("paths=a.txt&paths=f%2Fsub&paths=nope&paths=m.safetensors&expand=false"),
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).extracting(n -> n.get("path").asText()).containsExactly("a.txt", "f/sub", "m.safetensors");
        assertThat(r.json().get(1).get("type").asText()).isEqualTo("directory");
        assertThat(r.json().get(2).has("lfs")).isTrue();
        Reply old = hub.send("POST", "/api/models/" + repo + "/paths-info/" + c1, null,
                HttpRequest.BodyPublishers.ofString("paths=a.txt&expand=true"), "Content-Type", "application/x-www-form-urlencoded");
        assertThat(old.json().get(0).get("size").asInt()).isEqualTo(1);
        assertThat(old.json().get(0).get("lastCommit").get("id").asText()).isEqualTo(c1);
    }
}
