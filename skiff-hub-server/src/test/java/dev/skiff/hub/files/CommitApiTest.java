package dev.skiff.hub.files;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.hub.db.MetaStore;
import dev.skiff.hub.files.HubFixture.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.skiff.hub.files.HubFixture.deleted;
import static dev.skiff.hub.files.HubFixture.deletedFolder;
import static dev.skiff.hub.files.HubFixture.file;
import static dev.skiff.hub.files.HubFixture.header;
import static dev.skiff.hub.files.HubFixture.line;
import static org.assertj.core.api.Assertions.assertThat;

/** Preupload and the NDJSON commit. */
class CommitApiTest {
    @TempDir
    Path tmp;
    HubFixture hub;
    String repo;
    String db;

    /** The metadata store's URL (null: SQLite); the PostgreSQL variant overrides it. */
    String dbUrl() throws Exception {
        return null;
    }

    @BeforeEach
    void start() throws Exception {
        db = dbUrl();
        hub = HubFixture.start(tmp.resolve("data"), db, c -> c.withRegularUploadMax(1000));
        repo = hub.createRepo("model", "c", false);
    }

    @AfterEach
    void stop() throws Exception {
        hub.close();
    }

    String head() {
        return hub.server.hub().git().head(hub.server.hub().meta().repo("model", "alice", "c").orElseThrow().storageId());
    }

    @Test
    void preuploadEchoesEveryPathWithModeIgnoreAndRemoteOid() {
        String c = hub.commitOk(repo, file("a.txt", "hello\n"), file(".gitignore", "*.log\nbuild/\n"), file("w.bin", "lfs-tracked"));
        Map<String, Object> body = Map.of("files", List.of(
                Map.of("path", "a.txt", "sample", "", "size", 6),
                Map.of("path", "x.log", "sample", "", "size", 3),
                Map.of("path", "build/out", "sample", "", "size", 3),
                Map.of("path", "huge.bin", "sample", "", "size", 5000),
                Map.of("path", "w.bin", "sample", "", "size", 11),
                Map.of("path", "new.txt", "sample", "", "size", 0)));
        Reply r = hub.json("POST", "/api/models/" + repo + "/preupload/main", hub.alice, body);
        assertThat(r.status()).isEqualTo(200);
        JsonNode files = r.json().get("files");
        assertThat(files).hasSize(6);
        assertThat(r.json().get("commitOid").asText()).isEqualTo(c);
        assertThat(files.get(0).get("uploadMode").asText()).isEqualTo("regular");
        assertThat(files.get(0).get("shouldIgnore").asBoolean()).isFalse();
        assertThat(files.get(0).get("oid").asText()).isEqualTo("ce013625030ba8dba906f756967f9e9ca394464a");
        assertThat(files.get(1).get("shouldIgnore").asBoolean()).isTrue();
        assertThat(files.get(2).get("shouldIgnore").asBoolean()).isTrue();
        assertThat(files.get(3).get("uploadMode").asText()).isEqualTo("lfs");
        assertThat(files.get(3).get("oid").isNull()).isTrue();
        // stored in LFS (tracked by *.bin), asked about as a regular upload: the git blob id of its content
        assertThat(files.get(4).get("oid").asText()).isEqualTo(FileResolveTest.blobSha("lfs-tracked"));
        assertThat(files.get(5).get("oid").isNull()).isTrue();

        Map<String, Object> withIgnore = new LinkedHashMap<>(body);
        withIgnore.put("gitIgnore", "a.txt\n");
        JsonNode f2 = hub.json("POST", "/api/models/" + repo + "/preupload/main", hub.alice, withIgnore).json().get("files");
        assertThat(f2.get(0).get("shouldIgnore").asBoolean()).isTrue();
        assertThat(f2.get(1).get("shouldIgnore").asBoolean()).isFalse();

        assertThat(hub.json("POST", "/api/models/" + repo + "/preupload/nope", hub.alice, body).header("X-Error-Code"))
                .isEqualTo("RevisionNotFound");
        assertThat(hub.json("POST", "/api/models/" + repo + "/preupload/main", hub.aliceRead, body).status()).isEqualTo(403);
        assertThat(hub.json("POST", "/api/models/" + repo + "/preupload/main?create_pr=1", hub.alice, body).status()).isEqualTo(400);
    }

    @Test
    void commitsApplyOperationsInOrderAndAnswerCommitUrlAndOid() {
        hub.commitOk(repo, file("a.txt", "1"), file("dir/x.txt", "x"), file("dir/y.txt", "y"), file("keep/z.txt", "z"));
        Reply r = hub.commit("models", repo, "main", hub.alice, header("second", null), deleted("a.txt"),
                deletedFolder("dir/"), file("b.txt", "2"));
        assertThat(r.status()).isEqualTo(200);
        String oid = r.json().get("commitOid").asText();
        assertThat(oid).matches("[0-9a-f]{40}");
        assertThat(r.json().get("commitUrl").asText()).isEqualTo(hub.base + "/" + repo + "/commit/" + oid);
        assertThat(hub.get("/" + repo + "/resolve/main/a.txt", null).status()).isEqualTo(404);
        assertThat(hub.get("/" + repo + "/resolve/main/dir/x.txt", null).status()).isEqualTo(404);
        assertThat(hub.get("/" + repo + "/resolve/main/b.txt", null).text()).isEqualTo("2");
        assertThat(hub.get("/" + repo + "/resolve/main/keep/z.txt", null).text()).isEqualTo("z");
        JsonNode commits = hub.get("/api/models/" + repo + "/commits/main", null).json();
        assertThat(commits.get(0).get("title").asText()).isEqualTo("second");
        assertThat(commits.get(0).get("authors").get(0).get("user").asText()).isEqualTo("alice");
    }

    @Test
    void missingFilesAndFoldersAre404EntryNotFound() {
        Reply r = hub.commit("models", repo, "main", hub.alice, header("x", null), deleted("nope.txt"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("X-Error-Code")).isEqualTo("EntryNotFound");
        assertThat(r.json().get("error").asText()).contains("A file with this name doesn't exist");
        assertThat(hub.commit("models", repo, "main", hub.alice, header("x", null), deletedFolder("nope/")).status()).isEqualTo(404);
    }

    @Test
    void staleParentCommitIs412AndAFreshOneWorks() {
        String before = head();
        hub.commitOk(repo, file("a.txt", "1"));
        Reply stale = hub.commit("models", repo, "main", hub.alice, header("x", before), file("b.txt", "2"));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("error").asText()).isEqualTo("A commit has happened since. Please refresh and try again.");
        Reply fresh = hub.commit("models", repo, "main", hub.alice, header("x", head()), file("b.txt", "2"));
        assertThat(fresh.status()).isEqualTo(200);
    }

    @Test
    void refusesWhatItCannotDo() {
        assertThat(hub.commit("models", repo, "main?create_pr=1", hub.alice, header("x", null), file("a", "1")).json()
                .get("error").asText()).contains("not supported");
        assertThat(hub.commit("models", repo, "nope", hub.alice, header("x", null), file("a", "1")).header("X-Error-Code"))
                .isEqualTo("RevisionNotFound");
        assertThat(hub.commit("models", repo, "main", hub.aliceRead, header("x", null), file("a", "1")).status()).isEqualTo(403);
        assertThat(hub.commit("models", repo, "main", hub.bob, header("x", null), file("a", "1")).status()).isEqualTo(403);
        assertThat(hub.commit("models", repo, "main", null, header("x", null), file("a", "1")).status()).isEqualTo(401);
        assertThat(hub.commit("models", repo, "main", hub.alice, "not json\n").status()).isEqualTo(400);
        assertThat(hub.commit("models", repo, "main", hub.alice, line("copyFile", Map.of("path", "a"))).status()).isEqualTo(400);
        assertThat(hub.commit("models", repo, "main", hub.alice, line("file", Map.of("path", "a", "content", "!!notbase64!!",
                "encoding", "base64"))).status()).isEqualTo(400);
        assertThat(hub.commit("models", repo, "main", hub.alice, file("../escape", "1")).status()).isEqualTo(400);
        Reply lfs = hub.commit("models", repo, "main", hub.alice, HubFixture.lfsFile("x.bin", "a".repeat(64), 3L));
        assertThat(lfs.status()).isEqualTo(422);
        assertThat(lfs.json().get("error").asText()).contains("has not been uploaded");
    }

    @Test
    void valueBeforeKeyStillWorks() {
        String b64 = Base64.getEncoder().encodeToString("late key".getBytes(StandardCharsets.UTF_8));
        Reply r = hub.commit("models", repo, "main", hub.alice,
                "{\"value\":{\"summary\":\"s\",\"description\":\"\"},\"key\":\"header\"}\n",
                "{\"value\":{\"path\":\"k.txt\",\"content\":\"" + b64 + "\",\"encoding\":\"base64\"},\"key\":\"file\"}\n");
        assertThat(r.status()).isEqualTo(200);
        assertThat(hub.get("/" + repo + "/resolve/main/k.txt", null).text()).isEqualTo("late key");
    }

    @Test
    void readmeFrontMatterBecomesCardDataAndTags() {
        hub.commitOk(repo, file("README.md", "---\nlicense: mit\nlibrary_name: sklearn\npipeline_tag: tabular-classification\n"
                + "tags:\n- skops\ndatasets: [iris]\n---\n# Model\n"));
        MetaStore.Repo r = hub.server.hub().meta().repo("model", "alice", "c").orElseThrow();
        assertThat(r.sha()).isEqualTo(head());
        assertThat(r.cardData()).contains("\"license\":\"mit\"");
        assertThat(r.libraryName()).isEqualTo("sklearn");
        assertThat(r.pipelineTag()).isEqualTo("tabular-classification");
        assertThat(r.tags()).containsExactly("skops", "sklearn", "tabular-classification", "dataset:iris", "license:mit");
        JsonNode info = hub.get("/api/models/" + repo + "?blobs=true", null).json();
        assertThat(info.get("sha").asText()).isEqualTo(head());
        assertThat(info.get("cardData").get("license").asText()).isEqualTo("mit");
        assertThat(info.get("siblings")).extracting(n -> n.get("rfilename").asText()).contains(".gitattributes", "README.md");
        // commits to other branches leave the repo's metadata alone
        hub.json("POST", "/api/models/" + repo + "/branch/dev", hub.alice, Map.of());
        hub.commit("models", repo, "dev", hub.alice, header("x", null), file("README.md", "---\nlicense: apache-2.0\n---\n"));
        assertThat(hub.server.hub().meta().repo("model", "alice", "c").orElseThrow().cardData()).contains("mit");
    }

    /** A crash between moving main and recording it leaves the metadata behind; a restart catches up from git. */
    @Test
    void aRestartReconcilesTheMetadataWithGit() throws Exception {
        String old = head();
        String c = hub.commitOk(repo, file("README.md", "---\nlicense: mit\n---\n"));
        hub.server.hub().meta().updateHead("model", "alice", "c", old, "2020-01-01T00:00:00.000Z", null, List.of(), null, null);
        hub.close();
        hub = HubFixture.start(tmp.resolve("data"), db, cfg -> cfg.withRegularUploadMax(1000));
        MetaStore.Repo r = hub.server.hub().meta().repo("model", "alice", "c").orElseThrow();
        assertThat(r.sha()).isEqualTo(c);
        assertThat(r.cardData()).contains("mit");
        assertThat(hub.get("/api/models?author=alice&expand=sha", null).json().get(0).get("sha").asText()).isEqualTo(c);
    }

    /** A 70 MiB file: larger than the JSON parser's string limit, so it only works if content is streamed. */
    @Test
    void bigBase64ContentIsStreamedToDisk() throws Exception {
        int size = 70 << 20;
        byte[] chunk = HubFixture.random(3 << 20, 7); // a multiple of 3: base64 chunks concatenate
        int reps = size / chunk.length + 1;
        long total = (long) chunk.length * reps;
        String b64 = Base64.getEncoder().encodeToString(chunk);
        InputStream body = new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream((header("big", null) + "{\"key\":\"file\",\"value\":{\"content\":\"").getBytes()),
                new InputStream() {
                    int i;
                    int pos;
                    final byte[] b = b64.getBytes(StandardCharsets.US_ASCII);

                    @Override
                    public int read() {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public int read(byte[] out, int off, int len) {
                        if (i >= reps) {
                            return -1;
                        }
                        int n = Math.min(len, b.length - pos);
                        System.arraycopy(b, pos, out, off, n);
                        pos += n;
                        if (pos == b.length) {
                            pos = 0;
                            i++;
                        }
                        return n;
                    }
                },
                new ByteArrayInputStream("\",\"path\":\"big.dat\",\"encoding\":\"base64\"}}\n".getBytes()))));
        Reply r = hub.send("POST", "/api/models/" + repo + "/commit/main", hub.alice,
                HttpRequest.BodyPublishers.ofInputStream(() -> body), "Content-Type", "application/x-ndjson");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        Reply h = hub.head("/" + repo + "/resolve/main/big.dat", null);
        assertThat(h.header("X-Linked-Size")).isEqualTo(Long.toString(total));
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < reps; i++) {
            md.update(chunk);
        }
        assertThat(h.header("ETag")).isEqualTo("\"" + java.util.HexFormat.of().formatHex(md.digest()) + "\"");
    }
}
