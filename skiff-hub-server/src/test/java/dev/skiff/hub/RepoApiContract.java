package dev.skiff.hub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.hub.HubTestClient.Reply;
import dev.skiff.hub.db.MetaStore;
import dev.skiff.hub.repo.GitRepoStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repository management, info and listing over HTTP, as the Python client calls them. Each test gets a fresh hub
 * whose metadata store is chosen by the subclass (SQLite, PostgreSQL), with users alice and bob (write tokens),
 * a read token for alice, and an org acme where alice may write.
 */
abstract class RepoApiContract {
    static final String SHA = "[0-9a-f]{40}";

    @TempDir
    Path tmp;

    HubServer server;
    HubTestClient hub;
    String alice;
    String aliceRead;
    String bob;

    /** The metadata store's URL for a new, empty store (null: SQLite in the data directory). */
    abstract String newDbUrl() throws Exception;

    @BeforeEach
    void startHub() throws Exception {
        server = start(tmp.resolve("data"), null);
        MetaStore meta = server.hub().meta();
        meta.ensureUser("alice");
        meta.ensureUser("bob");
        meta.ensureOrg("acme");
        meta.addMember("acme", "alice", "write");
        alice = meta.createToken("alice", "write", "test");
        aliceRead = meta.createToken("alice", "read", "test-read");
        bob = meta.createToken("bob", "write", "test");
        hub = new HubTestClient(server.url());
    }

    /** A hub on {@code data} with a new store; {@code pageSize} overrides the listing page size when not null. */
    HubServer start(Path data, Integer pageSize) throws Exception {
        String db = newDbUrl();
        if (pageSize != null) {
            System.setProperty("skiff.hub.listPageSize", pageSize.toString());
        }
        try {
            HubConfig cfg = HubConfig.defaults(data).withPort(0);
            return HubServer.start(db == null ? cfg : cfg.withDbUrl(db));
        } finally {
            System.clearProperty("skiff.hub.listPageSize");
        }
    }

    @AfterEach
    void stopHub() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    Reply create(String token, String name, Object... more) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("organization", null);
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return hub.create(token, body);
    }

    static void assertError(Reply r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("X-Error-Code")).as("X-Error-Code of " + r).isEqualTo(code);
        assertThat(r.header("X-Error-Message")).isNotBlank();
        assertThat(r.json().path("error").asText()).isNotBlank();
    }

    // ---- create ----

    @Test
    void createsModelInCallersNamespaceWithInitialCommit() {
        Reply r = create(alice, "m1");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("url").asText()).isEqualTo(server.url() + "/alice/m1");

        JsonNode info = hub.get("/api/models/alice/m1", alice).json();
        assertThat(info.get("id").asText()).isEqualTo("alice/m1");
        assertThat(info.get("author").asText()).isEqualTo("alice");
        assertThat(info.get("sha").asText()).matches(SHA);
        assertThat(info.get("private").asBoolean()).isFalse();
        assertThat(info.get("gated").isBoolean()).isTrue();
        assertThat(info.get("gated").asBoolean()).isFalse();
        assertThat(info.get("disabled").asBoolean()).isFalse();
        assertThat(info.get("downloads").asLong()).isZero();
        assertThat(info.get("likes").asLong()).isZero();
        assertThat(info.get("tags").isArray()).isTrue();
        assertThat(info.get("siblings").findValuesAsText("rfilename")).containsExactly(".gitattributes");
        assertThat(info.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(info.get("lastModified").asText()).endsWith("Z");

        MetaStore.Repo repo = server.hub().meta().repo("model", "alice", "m1").orElseThrow();
        assertThat(server.hub().storage().head(repo.storageId())).isEqualTo(info.get("sha").asText());
        assertThat(repo.sha()).isEqualTo(info.get("sha").asText());
    }

    @Test
    void createsDatasetsAndSpacesUnderTheirUrlPrefix() {
        Reply d = create(alice, "d1", "type", "dataset", "organization", "alice");
        assertThat(d.json().get("url").asText()).isEqualTo(server.url() + "/datasets/alice/d1");
        Reply s = create(alice, "s1", "type", "space", "sdk", "gradio");
        assertThat(s.json().get("url").asText()).isEqualTo(server.url() + "/spaces/alice/s1");

        JsonNode ds = hub.get("/api/datasets/alice/d1", null).json();
        assertThat(ds.get("id").asText()).isEqualTo("alice/d1");
        assertThat(ds.has("pipeline_tag")).isFalse();
        JsonNode sp = hub.get("/api/spaces/alice/s1", null).json();
        assertThat(sp.get("sdk").asText()).isEqualTo("gradio");
        assertThat(sp.has("downloads")).isFalse();
        // the same name is free in another type
        assertThat(create(alice, "d1").status()).isEqualTo(200);
        assertError(hub.get("/api/models/alice/s1", alice), 404, "RepoNotFound");
    }

    @Test
    void spacesNeedAKnownSdk() {
        assertError(create(alice, "s", "type", "space"), 400, null);
        assertError(create(alice, "s", "type", "space", "sdk", "flask"), 400, null);
        assertError(create(alice, "k", "type", "kernel"), 400, null);
    }

    @Test
    void createsPrivateReposByVisibilityOrByTheOlderPrivateFlag() {
        create(alice, "v", "visibility", "private");
        create(alice, "p", "private", true);
        create(alice, "q", "visibility", "public");
        assertThat(hub.get("/api/models/alice/v", alice).json().get("private").asBoolean()).isTrue();
        assertThat(hub.get("/api/models/alice/p", alice).json().get("private").asBoolean()).isTrue();
        assertThat(hub.get("/api/models/alice/q", alice).json().get("private").asBoolean()).isFalse();
        assertError(create(alice, "x", "visibility", "secret"), 400, null);
        assertError(create(alice, "y", "visibility", "protected"), 400, null);
    }

    @Test
    void existingRepoIs409WithItsUrl() {
        create(alice, "m1");
        Reply again = create(alice, "m1");
        assertError(again, 409, null);
        assertThat(again.json().get("url").asText()).isEqualTo(server.url() + "/alice/m1");
        assertThat(again.json().get("error").asText()).isEqualTo("You already created this model repo");
        Reply ds = create(alice, "d", "type", "dataset");
        assertThat(ds.status()).isEqualTo(200);
        assertThat(create(alice, "d", "type", "dataset").json().get("url").asText()).isEqualTo(server.url() + "/datasets/alice/d");
    }

    @Test
    void concurrentCreatesOfOneNameMakeOneRepo() throws Exception {
        List<java.util.concurrent.Future<Reply>> replies = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                replies.add(pool.submit(() -> create(alice, "race")));
            }
        }
        List<Integer> statuses = new ArrayList<>();
        for (var r : replies) {
            statuses.add(r.get().status());
        }
        assertThat(statuses).containsOnly(200, 409).containsOnlyOnce(200);
        String storageId = server.hub().meta().repo("model", "alice", "race").orElseThrow().storageId();
        try (var dirs = Files.list(tmp.resolve("data/git"))) {
            assertThat(dirs.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(storageId + ".git", ".tmp");
        }
    }

    @Test
    void readTokensAnonymousCallersAndStrangersCannotCreate() {
        Reply read = create(aliceRead, "m");
        assertError(read, 403, null);
        assertThat(read.header("X-Error-Message")).contains("read");
        assertError(create(null, "m"), 401, null);
        assertError(create("hf_not_a_token", "m"), 401, null);
        assertThat(create("hf_not_a_token", "m").header("X-Error-Message")).isEqualTo("Invalid credentials in Authorization header");
        assertError(create(bob, "m", "organization", "alice"), 403, null);
        assertError(create(bob, "m", "organization", "acme"), 403, null);
        assertError(create(bob, "m", "organization", "nobody"), 403, null);
        assertThat(server.hub().meta().repos("model", null)).isEmpty();
    }

    @Test
    void orgMembersWithWriteRightsCreateInTheOrg() {
        Reply r = create(alice, "shared", "organization", "acme");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("url").asText()).isEqualTo(server.url() + "/acme/shared");
        assertThat(hub.get("/api/models/acme/shared", null).json().get("author").asText()).isEqualTo("acme");
    }

    @Test
    void badNamesAre400() {
        for (String bad : List.of("a--b", "a..b", "-a", "a-", ".a", "a.", "x.git", "a b", "a/b", "é", "x".repeat(97), "")) {
            assertError(create(alice, bad), 400, null);
        }
        assertError(create(alice, "ok", "organization", "bad--ns"), 400, null);
        for (String good : List.of("a", "A-b_c.d", "x".repeat(96), "1")) {
            assertThat(create(alice, good).status()).as(good).isEqualTo(200);
        }
    }

    @Test
    void malformedBodiesAre400() {
        assertError(hub.send("POST", "/api/repos/create", alice, List.of(1, 2)), 400, null);
        assertError(hub.create(alice, Map.of("organization", "alice")), 400, null);
        assertError(hub.create(alice, Map.of("name", 5)), 400, null);
    }

    // ---- visibility ----

    @Test
    void privateReposAreInvisibleToOthers() {
        create(alice, "secret", "visibility", "private");
        create(alice, "team", "organization", "acme", "private", true);
        assertThat(hub.get("/api/models/alice/secret", alice).status()).isEqualTo(200);
        assertThat(hub.get("/api/models/alice/secret", aliceRead).status()).isEqualTo(200);
        assertThat(hub.get("/api/models/acme/team", alice).status()).isEqualTo(200);
        assertError(hub.get("/api/models/alice/secret", bob), 404, "RepoNotFound");
        assertError(hub.get("/api/models/alice/secret", null), 401, "RepoNotFound");
        assertError(hub.get("/api/models/acme/team", bob), 404, "RepoNotFound");
        assertError(hub.get("/api/models/alice/secret/revision/main", bob), 404, "RepoNotFound");
        assertError(hub.get("/api/models/alice/nothing", bob), 404, "RepoNotFound");
        assertError(hub.get("/api/models/alice/nothing", null), 401, "RepoNotFound");
        // a private repo does not exist for strangers: not even a 403 on writes
        assertError(hub.put("/api/models/alice/secret/settings", bob, Map.of("visibility", "public")), 404, "RepoNotFound");
        assertError(hub.delete("/api/repos/delete", bob, Map.of("name", "secret", "organization", "alice")), 404, "RepoNotFound");

        assertThat(ids(hub.get("/api/models", bob))).isEmpty();
        assertThat(ids(hub.get("/api/models", null))).isEmpty();
        assertThat(ids(hub.get("/api/models", alice))).containsExactlyInAnyOrder("alice/secret", "acme/team");
        assertThat(ids(hub.get("/api/models?author=alice", aliceRead))).containsExactly("alice/secret");
    }

    // ---- info and revisions ----

    @Test
    void revisionIsMainOrItsCommit() {
        create(alice, "m1");
        String sha = hub.get("/api/models/alice/m1", null).json().get("sha").asText();
        assertThat(hub.get("/api/models/alice/m1/revision/main", null).json().get("sha").asText()).isEqualTo(sha);
        assertThat(hub.get("/api/models/alice/m1/revision/" + sha, null).json().get("sha").asText()).isEqualTo(sha);
        assertThat(hub.get("/api/models/alice/m1/revision/refs%2Fheads%2Fmain", null).json().get("sha").asText()).isEqualTo(sha);
        Reply nope = hub.get("/api/models/alice/m1/revision/nope", null);
        assertError(nope, 404, "RevisionNotFound");
        assertThat(nope.json().get("error").asText()).isEqualTo("Invalid rev id: nope");
        assertError(hub.get("/api/models/alice/m1/revision/dev%2Fx", null), 404, "RevisionNotFound");
    }

    @Test
    void expandShowsOnlyTheNamedPropertiesAndId() {
        create(alice, "m1");
        JsonNode two = hub.get("/api/models/alice/m1?expand=sha&expand=private", null).json();
        assertThat(names(two)).containsExactly("id", "sha", "private");
        JsonNode none = hub.get("/api/models/alice/m1?expand=config", null).json();
        assertThat(names(none)).containsExactly("id");
        assertError(hub.get("/api/models/alice/m1?expand=bogus", null), 400, null);
        create(alice, "d1", "type", "dataset");
        assertError(hub.get("/api/datasets/alice/d1?expand=pipeline_tag", null), 400, null);
        assertThat(names(hub.get("/api/datasets/alice/d1?expand=citation&expand=author", null).json())).containsExactly("id", "author");
    }

    @Test
    void infoShowsCardDataTagsAndLibraryFromTheMetadataStore() {
        create(alice, "m1");
        MetaStore.Repo r = server.hub().meta().repo("model", "alice", "m1").orElseThrow();
        server.hub().meta().updateHead("model", "alice", "m1", r.sha(), "2030-01-02T03:04:05.000Z",
                "{\"license\":\"mit\",\"library_name\":\"sklearn\",\"tags\":[\"tabular\"]}",
                List.of("sklearn", "tabular", "license:mit"), "tabular-classification", "sklearn");
        JsonNode info = hub.get("/api/models/alice/m1", null).json();
        assertThat(info.get("cardData").get("license").asText()).isEqualTo("mit");
        assertThat(info.get("library_name").asText()).isEqualTo("sklearn");
        assertThat(info.get("pipeline_tag").asText()).isEqualTo("tabular-classification");
        assertThat(info.get("lastModified").asText()).isEqualTo("2030-01-02T03:04:05.000Z");
        assertThat(info.get("tags")).hasSize(3);
    }

    // ---- settings ----

    @Test
    void settingsChangeVisibilityAndGating() {
        create(alice, "m1");
        assertThat(hub.put("/api/models/alice/m1/settings", alice, Map.of("gated", "auto", "visibility", "private")).status())
                .isEqualTo(200);
        JsonNode info = hub.get("/api/models/alice/m1", alice).json();
        assertThat(info.get("private").asBoolean()).isTrue();
        assertThat(info.get("gated").asText()).isEqualTo("auto");
        assertError(hub.get("/api/models/alice/m1", bob), 404, "RepoNotFound");

        assertThat(hub.put("/api/models/alice/m1/settings", alice, Map.of("gated", false, "private", false)).status()).isEqualTo(200);
        info = hub.get("/api/models/alice/m1", bob).json();
        assertThat(info.get("private").asBoolean()).isFalse();
        assertThat(info.get("gated").asBoolean()).isFalse();

        assertThat(hub.put("/api/models/alice/m1/settings", alice, Map.of("gated", "manual")).status()).isEqualTo(200);
        assertThat(hub.get("/api/models/alice/m1", bob).json().get("gated").asText()).isEqualTo("manual");

        assertError(hub.put("/api/models/alice/m1/settings", alice, Map.of("gated", "sometimes")), 400, null);
        assertError(hub.put("/api/models/alice/m1/settings", alice, Map.of("gated", true)), 400, null);
        assertError(hub.put("/api/models/alice/m1/settings", aliceRead, Map.of("visibility", "private")), 403, null);
        assertError(hub.put("/api/models/alice/m1/settings", bob, Map.of("visibility", "private")), 403, null);
        assertError(hub.put("/api/models/alice/m1/settings", null, Map.of("visibility", "private")), 401, null);
        assertError(hub.put("/api/models/alice/none/settings", alice, Map.of("visibility", "private")), 404, "RepoNotFound");
    }

    // ---- delete ----

    @Test
    void deleteRemovesMetadataAndStorage() throws Exception {
        create(alice, "m1");
        String storageId = server.hub().meta().repo("model", "alice", "m1").orElseThrow().storageId();
        Path git = ((GitRepoStorage) server.hub().storage()).dir(storageId);
        assertThat(Files.isDirectory(git)).isTrue();

        assertError(hub.delete("/api/repos/delete", bob, Map.of("name", "m1", "organization", "alice")), 403, null);
        assertError(hub.delete("/api/repos/delete", aliceRead, Map.of("name", "m1", "organization", "alice")), 403, null);
        assertThat(hub.delete("/api/repos/delete", alice, Map.of("name", "m1", "organization", "alice")).status()).isEqualTo(200);
        assertError(hub.get("/api/models/alice/m1", alice), 404, "RepoNotFound");
        assertThat(Files.exists(git)).isFalse();
        assertError(hub.delete("/api/repos/delete", alice, Map.of("name", "m1", "organization", "alice")), 404, "RepoNotFound");
        // and the name is free again
        assertThat(create(alice, "m1").status()).isEqualTo(200);
    }

    @Test
    void deleteIsPerTypeAndDefaultsToTheCallersNamespace() {
        create(alice, "x", "type", "dataset");
        assertError(hub.delete("/api/repos/delete", alice, Map.of("name", "x")), 404, "RepoNotFound");
        Map<String, Object> body = new HashMap<>();
        body.put("name", "x");
        body.put("organization", null);
        body.put("type", "dataset");
        assertThat(hub.delete("/api/repos/delete", alice, body).status()).isEqualTo(200);
        assertError(hub.get("/api/datasets/alice/x", alice), 404, "RepoNotFound");
    }

    // ---- move ----

    @Test
    void moveRenamesAndTransfersKeepingTheContents() {
        create(alice, "m1");
        JsonNode before = hub.get("/api/models/alice/m1", null).json();
        Reply moved = hub.post("/api/repos/move", alice, Map.of("fromRepo", "alice/m1", "toRepo", "alice/m2", "type", "model"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertError(hub.get("/api/models/alice/m1", alice), 404, "RepoNotFound");
        JsonNode after = hub.get("/api/models/alice/m2", null).json();
        assertThat(after.get("sha").asText()).isEqualTo(before.get("sha").asText());
        assertThat(after.get("createdAt").asText()).isEqualTo(before.get("createdAt").asText());

        assertThat(hub.post("/api/repos/move", alice, Map.of("fromRepo", "alice/m2", "toRepo", "acme/m3", "type", "model"))
                .status()).isEqualTo(200);
        assertThat(hub.get("/api/models/acme/m3", null).json().get("sha").asText()).isEqualTo(before.get("sha").asText());
    }

    @Test
    void moveRefusesTakenNamesForeignNamespacesAndBadIds() {
        create(alice, "a");
        create(alice, "b");
        create(bob, "c");
        assertError(hub.post("/api/repos/move", alice, Map.of("fromRepo", "alice/a", "toRepo", "alice/b", "type", "model")), 409, null);
        assertError(hub.post("/api/repos/move", alice, Map.of("fromRepo", "alice/a", "toRepo", "bob/a", "type", "model")), 403, null);
        assertError(hub.post("/api/repos/move", bob, Map.of("fromRepo", "alice/a", "toRepo", "bob/a", "type", "model")), 403, null);
        assertError(hub.post("/api/repos/move", aliceRead, Map.of("fromRepo", "alice/a", "toRepo", "alice/z", "type", "model")), 403, null);
        assertError(hub.post("/api/repos/move", alice, Map.of("fromRepo", "alice/a", "toRepo", "alice/b--x", "type", "model")), 400, null);
        assertError(hub.post("/api/repos/move", alice, Map.of("fromRepo", "alice/a", "toRepo", "b", "type", "model")), 400, null);
        assertError(hub.post("/api/repos/move", alice, Map.of("fromRepo", "alice/zz", "toRepo", "alice/y", "type", "model")), 404, "RepoNotFound");
        assertError(hub.post("/api/repos/move", alice, Map.of("fromRepo", "alice/a", "toRepo", "alice/y", "type", "dataset")), 404, "RepoNotFound");
        assertThat(hub.get("/api/models/alice/a", null).status()).isEqualTo(200);
    }

    // ---- listing ----

    @Test
    void listsWithSearchAuthorAndFilters() {
        create(alice, "Tabular-One");
        create(alice, "text-two");
        create(bob, "tabular-bob");
        create(alice, "ds", "type", "dataset");
        MetaStore meta = server.hub().meta();
        MetaStore.Repo one = meta.repo("model", "alice", "Tabular-One").orElseThrow();
        meta.updateHead("model", "alice", "Tabular-One", one.sha(), one.lastModified(), "{\"datasets\":[\"alice/ds\"]}",
                List.of("sklearn", "tabular-classification"), "tabular-classification", "sklearn");
        MetaStore.Repo ds = meta.repo("dataset", "alice", "ds").orElseThrow();
        meta.updateHead("dataset", "alice", "ds", ds.sha(), ds.lastModified(),
                "{\"language\":[\"en\",\"fr\"],\"task_categories\":[\"tabular-classification\"]}", List.of("tabular"), null, null);

        assertThat(ids(hub.get("/api/models?search=TABULAR", null))).containsExactlyInAnyOrder("alice/Tabular-One", "bob/tabular-bob");
        assertThat(ids(hub.get("/api/models?search=tabular&author=alice", null))).containsExactly("alice/Tabular-One");
        assertThat(ids(hub.get("/api/models?author=bob", null))).containsExactly("bob/tabular-bob");
        assertThat(ids(hub.get("/api/models?filter=sklearn&filter=tabular-classification", null))).containsExactly("alice/Tabular-One");
        assertThat(ids(hub.get("/api/models?filter=sklearn&filter=pytorch", null))).isEmpty();
        assertThat(ids(hub.get("/api/models?filter=dataset:alice/ds", null))).containsExactly("alice/Tabular-One");
        assertThat(ids(hub.get("/api/models?pipeline_tag=tabular-classification", null))).containsExactly("alice/Tabular-One");
        assertThat(ids(hub.get("/api/datasets", null))).containsExactly("alice/ds");
        assertThat(ids(hub.get("/api/datasets?filter=language:fr&filter=task_categories:tabular-classification", null)))
                .containsExactly("alice/ds");
        assertThat(ids(hub.get("/api/datasets?filter=language:de", null))).isEmpty();
        assertThat(ids(hub.get("/api/datasets?filter=tabular", null))).containsExactly("alice/ds");
        assertThat(ids(hub.get("/api/spaces", null))).isEmpty();
    }

    @Test
    void listSortsDescendingAndShowsTheAskedProperties() throws Exception {
        create(alice, "first");
        Thread.sleep(5);
        create(alice, "second");
        Thread.sleep(5);
        create(alice, "third");
        MetaStore meta = server.hub().meta();
        for (int i = 0; i < 3; i++) {
            meta.countDownload("model", "alice", "second");
        }
        meta.countDownload("model", "alice", "first");
        meta.touch("model", "alice", "first", "2031-01-01T00:00:00.000Z");

        assertThat(ids(hub.get("/api/models", null))).containsExactly("alice/third", "alice/second", "alice/first");
        assertThat(ids(hub.get("/api/models?sort=createdAt", null))).containsExactly("alice/third", "alice/second", "alice/first");
        assertThat(ids(hub.get("/api/models?sort=downloads&direction=-1", null))).containsExactly("alice/second", "alice/first", "alice/third");
        assertThat(ids(hub.get("/api/models?sort=downloads&direction=1", null))).containsExactly("alice/third", "alice/first", "alice/second");
        assertThat(ids(hub.get("/api/models?sort=lastModified", null)).get(0)).isEqualTo("alice/first");
        assertThat(ids(hub.get("/api/models?sort=likes", null))).hasSize(3);
        assertThat(ids(hub.get("/api/models?sort=trendingScore", null))).hasSize(3);
        assertError(hub.get("/api/models?sort=stars", null), 400, null);
        assertError(hub.get("/api/models?limit=0", null), 400, null);
        assertError(hub.get("/api/models?limit=x", null), 400, null);

        JsonNode plain = hub.get("/api/models?limit=1", null).json().get(0);
        assertThat(plain.has("siblings")).isFalse();
        assertThat(plain.has("cardData")).isFalse();
        assertThat(plain.get("sha").asText()).matches(SHA);
        assertThat(plain.get("downloads").asLong()).isZero();
        JsonNode full = hub.get("/api/models?limit=1&full=true&cardData=true", null).json().get(0);
        assertThat(full.get("siblings").isArray()).isTrue();
        JsonNode expanded = hub.get("/api/models?limit=1&expand=downloads&expand=createdAt", null).json().get(0);
        assertThat(names(expanded)).containsExactly("id", "downloads", "createdAt");
    }

    @Test
    void listPagesAreLinkedWithAbsoluteUrlsCarryingEveryParameter() throws Exception {
        server.close();
        server = start(tmp.resolve("paged"), 2);
        hub = new HubTestClient(server.url());
        MetaStore meta = server.hub().meta();
        meta.ensureUser("carol");
        String carol = meta.createToken("carol", "write", "t");
        for (int i = 0; i < 5; i++) {
            assertThat(create(carol, "page-" + i).status()).isEqualTo(200);
            Thread.sleep(3); // distinct createdAt (milliseconds), so the order is by time alone
        }
        create(carol, "other");

        List<String> seen = new ArrayList<>();
        String url = "/api/models?search=page&sort=createdAt&author=carol";
        int pages = 0;
        while (url != null) {
            Reply r = hub.get(url, carol);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            seen.addAll(ids(r));
            pages++;
            String link = r.header("Link");
            if (link == null) {
                url = null;
            } else {
                assertThat(link).matches("<http://[^>]+>; rel=\"next\"");
                url = link.substring(1, link.indexOf('>'));
                assertThat(url).startsWith(server.url() + "/api/models?")
                        .contains("search=page", "sort=createdAt", "author=carol", "cursor=");
            }
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("carol/page-4", "carol/page-3", "carol/page-2", "carol/page-1", "carol/page-0");

        // limit caps the whole listing, across pages
        Reply first = hub.get("/api/models?author=carol&limit=3", null);
        assertThat(ids(first)).hasSize(2);
        Reply second = hub.get(first.header("Link").replaceAll("^<|>;.*$", ""), null);
        assertThat(ids(second)).hasSize(1);
        assertThat(second.header("Link")).isNull();
        assertError(hub.get("/api/models?cursor=-1", null), 400, null);
    }

    static List<String> ids(Reply r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().forEach(n -> out.add(n.get("id").asText()));
        return out;
    }

    static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
