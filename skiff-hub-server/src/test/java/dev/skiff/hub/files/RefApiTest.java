package dev.skiff.hub.files;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.hub.files.HubFixture.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import static dev.skiff.hub.files.HubFixture.file;
import static org.assertj.core.api.Assertions.assertThat;

/** Refs, branches, tags, commit history and super-squash. */
class RefApiTest {
    @TempDir
    Path tmp;
    HubFixture hub;
    String repo;
    String api;

    @BeforeEach
    void start() throws Exception {
        System.setProperty("skiff.hub.commitsPageSize", "2");
        try {
            hub = HubFixture.start(tmp.resolve("data"));
        } finally {
            System.clearProperty("skiff.hub.commitsPageSize");
        }
        repo = hub.createRepo("model", "r", false);
        api = "/api/models/" + repo;
    }

    @AfterEach
    void stop() throws Exception {
        hub.close();
    }

    @Test
    void branchesAndTagsRoundTrip() {
        String c1 = hub.commitOk(repo, file("a", "1"));
        assertThat(hub.json("POST", api + "/branch/dev%2Fx", hub.alice, Map.of()).status()).isEqualTo(200);
        assertThat(hub.json("POST", api + "/branch/dev%2Fx", hub.alice, Map.of()).status()).isEqualTo(409);
        assertThat(hub.json("POST", api + "/branch/old", hub.alice, Map.of("startingPoint", c1)).status()).isEqualTo(200);
        assertThat(hub.json("POST", api + "/branch/x", hub.alice, Map.of("startingPoint", "nope")).header("X-Error-Code"))
                .isEqualTo("RevisionNotFound");
        assertThat(hub.json("POST", api + "/branch/a..b", hub.alice, Map.of()).status()).isEqualTo(400);
        assertThat(hub.json("POST", api + "/branch/y", hub.aliceRead, Map.of()).status()).isEqualTo(403);
        Reply c2 = hub.commit("models", repo, "dev%2Fx", hub.alice, HubFixture.header("on dev", null), file("b", "2"));
        assertThat(c2.status()).isEqualTo(200);
        assertThat(hub.json("POST", api + "/tag/dev%2Fx", hub.alice, Map.of("tag", "v1", "message", "first")).status()).isEqualTo(200);
        assertThat(hub.json("POST", api + "/tag/main", hub.alice, Map.of("tag", "v0")).status()).isEqualTo(200);
        assertThat(hub.json("POST", api + "/tag/main", hub.alice, Map.of("tag", "v0")).status()).isEqualTo(409);

        JsonNode refs = hub.get(api + "/refs", null).json();
        assertThat(refs.has("pullRequests")).isFalse();
        assertThat(refs.get("converts")).isEmpty();
        assertThat(refs.get("branches")).extracting(n -> n.get("name").asText()).containsExactly("main", "dev/x", "old");
        JsonNode dev = refs.get("branches").get(1);
        assertThat(dev.get("ref").asText()).isEqualTo("refs/heads/dev/x");
        assertThat(dev.get("targetCommit").asText()).isEqualTo(c2.json().get("commitOid").asText());
        assertThat(refs.get("tags")).extracting(n -> n.get("name").asText() + "=" + n.get("targetCommit").asText())
                .containsExactlyInAnyOrder("v1=" + c2.json().get("commitOid").asText(), "v0=" + c1);
        assertThat(hub.get(api + "/refs?include_prs=1", null).json().get("pullRequests")).isEmpty();

        assertThat(hub.send("DELETE", api + "/branch/dev%2Fx", hub.alice, null).status()).isEqualTo(200);
        assertThat(hub.send("DELETE", api + "/branch/dev%2Fx", hub.alice, null).status()).isEqualTo(404);
        assertThat(hub.send("DELETE", api + "/branch/main", hub.alice, null).status()).isEqualTo(403);
        assertThat(hub.send("DELETE", api + "/tag/v1", hub.alice, null).status()).isEqualTo(200);
        assertThat(hub.send("DELETE", api + "/tag/v1", hub.alice, null).status()).isEqualTo(404);
        assertThat(hub.get(api + "/revision/v1", null).status()).isEqualTo(404);
        assertThat(hub.get(api + "/revision/v0", null).json().get("sha").asText()).isEqualTo(c1);
    }

    @Test
    void commitsArePagedNewestFirstWithFormattedTitles() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(0, hub.commitOk(repo, file("f" + i, "<" + i + ">")));
        }
        List<JsonNode> all = new ArrayList<>();
        String url = api + "/commits/main?expand%5B%5D=formatted";
        int pages = 0;
        while (url != null) {
            Reply r = hub.get(url, null);
            assertThat(r.status()).isEqualTo(200);
            r.json().forEach(all::add);
            pages++;
            String link = r.header("Link");
            if (link == null) {
                url = null;
            } else {
                Matcher m = TreeApiTest.NEXT.matcher(link);
                assertThat(m.find()).isTrue();
                url = m.group(1);
                assertThat(url).startsWith("http").contains("expand%5B%5D=formatted");
            }
        }
        assertThat(pages).isEqualTo(3);
        assertThat(all).hasSize(5);
        assertThat(all.subList(0, 4)).extracting(n -> n.get("id").asText()).isEqualTo(ids);
        assertThat(all.get(4).get("title").asText()).isEqualTo("initial commit");
        assertThat(all.get(0).get("date").asText()).endsWith("Z");
        assertThat(all.get(0).get("formatted").get("title").asText()).isEqualTo("test commit");
        assertThat(all.get(0).get("authors").get(0).get("user").asText()).isEqualTo("alice");
        assertThat(hub.get(api + "/commits/nope", null).header("X-Error-Code")).isEqualTo("RevisionNotFound");
    }

    @Test
    void superSquashKeepsTheTreeAndDropsHistory() {
        hub.commitOk(repo, file("a", "1"));
        hub.commitOk(repo, file("b", "2"));
        Reply r = hub.json("POST", api + "/super-squash/main", hub.alice, Map.of("message", "squashed"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode commits = hub.get(api + "/commits/main", null).json();
        assertThat(commits).hasSize(1);
        assertThat(commits.get(0).get("title").asText()).isEqualTo("squashed");
        assertThat(hub.get("/" + repo + "/resolve/main/a", null).text()).isEqualTo("1");
        assertThat(hub.get(api, null).json().get("sha").asText()).isEqualTo(commits.get(0).get("id").asText());
        hub.json("POST", api + "/tag/main", hub.alice, Map.of("tag", "t"));
        assertThat(hub.json("POST", api + "/super-squash/t", hub.alice, Map.of()).status()).isEqualTo(400);
    }
}
