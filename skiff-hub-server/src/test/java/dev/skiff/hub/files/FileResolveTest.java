package dev.skiff.hub.files;

import dev.skiff.hub.files.HubFixture.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import static dev.skiff.hub.files.HubFixture.file;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /resolve}: headers for hf_hub_download, HEAD, ranges, errors, LFS files, prefixes and privacy. */
class FileResolveTest {
    @TempDir
    Path tmp;
    HubFixture hub;
    String repo;
    String commit;
    byte[] big;

    @BeforeEach
    void start() throws Exception {
        hub = HubFixture.start(tmp.resolve("data"));
        repo = hub.createRepo("model", "m", false);
        big = HubFixture.random(11 << 20, 1); // over 10 MiB: stored in LFS although uploaded as a regular file
        commit = hub.commitOk(repo, file("config.json", "{\"a\": 1}\n"), file("sub dir/w.bin", "tiny but tracked"),
                file("big.dat", big), file("empty.txt", new byte[0]));
    }

    @AfterEach
    void stop() throws Exception {
        hub.close();
    }

    @Test
    void regularFileHeadAndGetCarryTheHubHeaders() {
        Reply h = hub.head("/" + repo + "/resolve/main/config.json", null, "Accept-Encoding", "identity");
        assertThat(h.status()).isEqualTo(200);
        assertThat(h.header("X-Repo-Commit")).isEqualTo(commit);
        // git hash-object of {"a": 1}\n
        assertThat(h.header("ETag")).isEqualTo("\"" + blobSha("{\"a\": 1}\n") + "\"");
        assertThat(h.header("Content-Length")).isEqualTo("9");
        assertThat(h.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(h.header("X-Linked-Etag")).isNull();
        assertThat(h.headers().map().keySet()).noneMatch(k -> k.toLowerCase().contains("xet"));
        assertThat(h.body()).isEmpty();
        Reply g = hub.get("/" + repo + "/resolve/main/config.json", null, "Accept-Encoding", "gzip, deflate");
        assertThat(g.status()).isEqualTo(200);
        assertThat(g.text()).isEqualTo("{\"a\": 1}\n");
        assertThat(g.header("Content-Encoding")).isNull();
        assertThat(g.header("Transfer-Encoding")).isNull();
        assertThat(hub.get("/" + repo + "/resolve/" + commit + "/empty.txt", null).body()).isEmpty();
        assertThat(hub.head("/" + repo + "/resolve/main/empty.txt", null).header("Content-Length")).isEqualTo("0");
    }

    static String blobSha(String s) {
        try {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-1");
            md.update(("blob " + b.length + "\0").getBytes(StandardCharsets.US_ASCII));
            return java.util.HexFormat.of().formatHex(md.digest(b));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void lfsFilesAnswerWithTheirSha256AndLinkedHeaders() {
        String oid = HubFixture.sha256(big);
        Reply h = hub.head("/" + repo + "/resolve/main/big.dat", null);
        assertThat(h.status()).isEqualTo(200);
        assertThat(h.header("ETag")).isEqualTo("\"" + oid + "\"");
        assertThat(h.header("X-Linked-Etag")).isEqualTo("\"" + oid + "\"");
        assertThat(h.header("X-Linked-Size")).isEqualTo(Integer.toString(big.length));
        assertThat(h.header("Content-Length")).isEqualTo(Integer.toString(big.length));
        Reply g = hub.get("/" + repo + "/resolve/main/big.dat", null);
        assertThat(g.body()).isEqualTo(big);
        // .gitattributes tracks *.bin: the tiny file went to LFS too, the path with a space is escaped
        Reply w = hub.head("/" + repo + "/resolve/main/sub%20dir/w.bin", null);
        assertThat(w.header("X-Linked-Size")).isEqualTo("16");
        assertThat(hub.get("/" + repo + "/resolve/main/sub%20dir/w.bin", null).text()).isEqualTo("tiny but tracked");
        assertThat(hub.get("/" + repo + "/resolve/main/.gitattributes", null).text()).contains("big.dat filter=lfs");
    }

    @Test
    void singleRangesGive206AndUnsatisfiableOnes416() {
        String url = "/" + repo + "/resolve/main/big.dat";
        Reply r = hub.get(url, null, "Range", "bytes=10-19");
        assertThat(r.status()).isEqualTo(206);
        assertThat(r.header("Content-Range")).isEqualTo("bytes 10-19/" + big.length);
        assertThat(r.body()).isEqualTo(Arrays.copyOfRange(big, 10, 20));
        Reply tail = hub.get(url, null, "Range", "bytes=-5");
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(big, big.length - 5, big.length));
        Reply open = hub.get(url, null, "Range", "bytes=" + (big.length - 3) + "-");
        assertThat(open.status()).isEqualTo(206);
        assertThat(open.body()).hasSize(3);
        Reply beyond = hub.get(url, null, "Range", "bytes=" + big.length + "-");
        assertThat(beyond.status()).isEqualTo(416);
        assertThat(beyond.header("Content-Range")).isEqualTo("bytes */" + big.length);
        assertThat(hub.get(url, null, "Range", "bytes=5-2").status()).isEqualTo(200); // invalid: ignored
        Reply small = hub.get("/" + repo + "/resolve/main/config.json", null, "Range", "bytes=1-3");
        assertThat(small.status()).isEqualTo(206);
        assertThat(small.text()).isEqualTo("\"a\"");
        Reply headRange = hub.head(url, null, "Range", "bytes=0-99");
        assertThat(headRange.status()).isEqualTo(206);
        assertThat(headRange.header("Content-Length")).isEqualTo("100");
    }

    @Test
    void errorsCarryTheHubsCodes() {
        Reply missing = hub.head("/" + repo + "/resolve/main/nope.txt", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("X-Error-Code")).isEqualTo("EntryNotFound");
        assertThat(missing.header("X-Repo-Commit")).isEqualTo(commit);
        assertThat(hub.head("/" + repo + "/resolve/main/sub%20dir", null).header("X-Error-Code")).isEqualTo("EntryNotFound");
        Reply rev = hub.get("/" + repo + "/resolve/nope/config.json", null);
        assertThat(rev.status()).isEqualTo(404);
        assertThat(rev.header("X-Error-Code")).isEqualTo("RevisionNotFound");
        Reply anon = hub.head("/alice/none/resolve/main/x", null);
        assertThat(anon.status()).isEqualTo(401);
        assertThat(anon.header("X-Error-Code")).isEqualTo("RepoNotFound");
        assertThat(hub.head("/alice/none/resolve/main/x", hub.bob).status()).isEqualTo(404);
    }

    @Test
    void revisionsMayBeCommitsBranchesWithSlashesAndTags() {
        hub.json("POST", "/api/models/" + repo + "/branch/dev%2Fx", hub.alice, java.util.Map.of());
        hub.json("POST", "/api/models/" + repo + "/tag/main", hub.alice, java.util.Map.of("tag", "v1"));
        for (String rev : new String[] {commit, "dev%2Fx", "v1", "refs%2Fheads%2Fmain"}) {
            Reply r = hub.get("/" + repo + "/resolve/" + rev + "/config.json", null);
            assertThat(r.status()).as(rev).isEqualTo(200);
            assertThat(r.header("X-Repo-Commit")).isEqualTo(commit);
        }
    }

    @Test
    void privateReposAndOtherTypes() {
        String d = hub.createRepo("dataset", "d", true);
        hub.commit("datasets", d, "main", hub.alice, HubFixture.header("x", null), file("data.csv", "a,b\n"));
        assertThat(hub.get("/datasets/" + d + "/resolve/main/data.csv", hub.alice).text()).isEqualTo("a,b\n");
        assertThat(hub.get("/datasets/" + d + "/resolve/main/data.csv", hub.aliceRead).status()).isEqualTo(200);
        assertThat(hub.get("/datasets/" + d + "/resolve/main/data.csv", null).status()).isEqualTo(401);
        assertThat(hub.get("/datasets/" + d + "/resolve/main/data.csv", hub.bob).status()).isEqualTo(404);
        assertThat(hub.get("/" + d + "/resolve/main/data.csv", hub.alice).status()).isEqualTo(404); // not a model
    }

    @Test
    void downloadsAreCountedWhenTheClientSaysSoAndEtagsRevalidate() {
        String url = "/" + repo + "/resolve/main/config.json";
        hub.get(url, null, "X-HF-Download-Counter", "1");
        hub.get(url, null, "X-HF-Download-Counter", "1");
        hub.head(url, null, "X-HF-Download-Counter", "1");
        hub.get(url, null);
        assertThat(hub.server.hub().meta().repo("model", "alice", "m").orElseThrow().downloads()).isEqualTo(2);
        String etag = hub.head(url, null).header("ETag");
        assertThat(hub.get(url, null, "If-None-Match", etag).status()).isEqualTo(304);
    }
}
