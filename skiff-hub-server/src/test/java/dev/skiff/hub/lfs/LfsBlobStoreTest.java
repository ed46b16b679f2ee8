package dev.skiff.hub.lfs;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LfsBlobStoreTest {
    @TempDir
    Path tmp;
    LocalBlobStore store;

    @BeforeEach
    void open() throws IOException {
        store = new LocalBlobStore(tmp.resolve("lfs"), "http://hub:1", 10, 25);
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Test
    void storesVerifiedObjectsAndRejectsMismatchesLeavingNothingBehind() throws Exception {
        byte[] data = random(5000);
        String oid = sha256(data);
        assertThat(store.size(oid)).isEqualTo(-1);
        assertThatThrownBy(() -> store.put(oid, 5000, new ByteArrayInputStream(random(4999))))
                .isInstanceOf(BlobMismatchException.class);
        assertThatThrownBy(() -> store.put(oid, 4000, new ByteArrayInputStream(data))).isInstanceOf(BlobMismatchException.class);
        byte[] other = data.clone();
        other[0] ^= 1;
        assertThatThrownBy(() -> store.put(oid, 5000, new ByteArrayInputStream(other))).isInstanceOf(BlobMismatchException.class)
                .hasMessageContaining("hashes to");
        assertThat(store.size(oid)).isEqualTo(-1);
        store.put(oid, 5000, new ByteArrayInputStream(data));
        assertThat(store.size(oid)).isEqualTo(5000);
        assertThat(store.path(oid)).isEqualTo(tmp.resolve("lfs/objects").resolve(oid.substring(0, 2)).resolve(oid.substring(2, 4)).resolve(oid));
        try (FileChannel c = store.open(oid)) {
            ByteBuffer b = ByteBuffer.allocate(5000);
            c.read(b);
            assertThat(b.array()).isEqualTo(data);
        }
        store.put(oid, -1, new ByteArrayInputStream(data)); // again: harmless
        try (Stream<Path> s = Files.list(tmp.resolve("lfs/tmp"))) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void scopesLimitWhichRepositoriesMayReferenceAnObject() throws Exception {
        byte[] data = random(100);
        String oid = sha256(data);
        store.link("repoA", oid);
        assertThat(store.isLinked("repoA", oid)).isFalse(); // not stored yet
        store.put(oid, 100, new ByteArrayInputStream(data));
        assertThat(store.isLinked("repoA", oid)).isTrue();
        assertThat(store.isLinked("repoB", oid)).isFalse();
        store.dropScope("repoA");
        assertThat(store.isLinked("repoA", oid)).isFalse();
        assertThatThrownBy(() -> store.link("../x", oid)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void joinsMultipartUploadsChecksEtagsAndOrder() throws Exception {
        byte[] data = random(27);
        String oid = sha256(data);
        String e1 = store.putPart(oid, 1, new ByteArrayInputStream(data, 0, 10));
        String e2 = store.putPart(oid, 2, new ByteArrayInputStream(data, 10, 10));
        String e3 = store.putPart(oid, 3, new ByteArrayInputStream(data, 20, 7));
        assertThat(e1).startsWith("\"").endsWith("\"").isNotEqualTo(e2);
        assertThatThrownBy(() -> store.completeMultipart(oid, 27, List.of(new BlobStore.Part(1, e1), new BlobStore.Part(3, e3))))
                .isInstanceOf(BlobMismatchException.class);
        assertThatThrownBy(() -> store.completeMultipart(oid, 27, List.of(new BlobStore.Part(1, e1),
                new BlobStore.Part(2, e3), new BlobStore.Part(3, e3)))).isInstanceOf(BlobMismatchException.class);
        store.completeMultipart(oid, 27, List.of(new BlobStore.Part(1, e1), new BlobStore.Part(2, e2), new BlobStore.Part(3, e3)));
        assertThat(store.size(oid)).isEqualTo(27);
        assertThat(Files.exists(tmp.resolve("lfs/parts").resolve(oid))).isFalse();
        // a retried completion is fine
        store.completeMultipart(oid, 27, List.of(new BlobStore.Part(1, e1), new BlobStore.Part(2, e2), new BlobStore.Part(3, e3)));
        byte[] bad = random(12);
        String badOid = sha256(random(13));
        store.putPart(badOid, 1, new ByteArrayInputStream(bad));
        assertThatThrownBy(() -> store.completeMultipart(badOid, 12, List.of(new BlobStore.Part(1, null))))
                .isInstanceOf(BlobMismatchException.class);
        assertThat(store.size(badOid)).isEqualTo(-1);
    }

    @Test
    void handsOutSignedHrefsBasicOrMultipart() throws Exception {
        String oid = "ab".repeat(32);
        BlobStore.Action basic = store.uploadAction("scope1", oid, 25, true);
        assertThat(basic.header()).isEmpty();
        assertThat(basic.href()).startsWith("http://hub:1/lfs/objects/" + oid + "?scope=scope1&size=25&exp=");
        Map<String, String> q = query(basic.href());
        assertThat(store.verifyHref("upload", "scope1", oid, 25, Long.parseLong(q.get("exp")), 0, q.get("sig"))).isTrue();
        assertThat(store.verifyHref("upload", "scope2", oid, 25, Long.parseLong(q.get("exp")), 0, q.get("sig"))).isFalse();
        assertThat(store.verifyHref("upload", "scope1", oid, 26, Long.parseLong(q.get("exp")), 0, q.get("sig"))).isFalse();
        assertThat(store.verifyHref("download", "scope1", oid, 25, Long.parseLong(q.get("exp")), 0, q.get("sig"))).isFalse();
        assertThat(store.verifyHref("upload", "scope1", oid, 25, Long.parseLong(q.get("exp")) + 1, 0, q.get("sig"))).isFalse();
        assertThat(store.uploadAction("scope1", oid, 26, false).header()).isEmpty();

        BlobStore.Action multi = store.uploadAction("scope1", oid, 26, true);
        assertThat(multi.href()).contains("/lfs/objects/" + oid + "/complete?");
        assertThat(multi.header()).containsOnlyKeys("chunk_size", "1", "2", "3").containsEntry("chunk_size", "10");
        Map<String, String> p2 = query(multi.header().get("2"));
        assertThat(store.verifyHref("part", "scope1", oid, 26, Long.parseLong(p2.get("exp")), 2, p2.get("sig"))).isTrue();
        assertThat(store.verifyHref("part", "scope1", oid, 26, Long.parseLong(p2.get("exp")), 3, p2.get("sig"))).isFalse();

        // the key survives a restart, and an expired signature is refused
        LocalBlobStore again = new LocalBlobStore(tmp.resolve("lfs"), "http://hub:1", 10, 25);
        assertThat(again.verifyHref("upload", "scope1", oid, 25, Long.parseLong(q.get("exp")), 0, q.get("sig"))).isTrue();
        HrefSigner signer = HrefSigner.fromKeyFile(tmp.resolve("lfs/.href-key"));
        String old = signer.sign("upload", "s", oid, 1, 100, 0);
        assertThat(signer.check(old, "upload", "s", oid, 1, 100, 0, 99)).isTrue();
        assertThat(signer.check(old, "upload", "s", oid, 1, 100, 0, 101)).isFalse();
        assertThat(Files.getPosixFilePermissions(tmp.resolve("lfs/.href-key")).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
    }

    @Test
    void computesAndRemembersTheGitBlobIdOfAnObject() throws Exception {
        byte[] data = "hello\n".getBytes();
        String oid = sha256(data);
        store.put(oid, data.length, new ByteArrayInputStream(data));
        assertThat(store.gitBlobId(oid)).isEqualTo("ce013625030ba8dba906f756967f9e9ca394464a");
        assertThat(store.gitBlobId(oid)).isEqualTo("ce013625030ba8dba906f756967f9e9ca394464a");
    }

    @Test
    void importsStagedFilesAtomically() throws Exception {
        Path staged = store.newTempFile();
        byte[] data = random(300);
        Files.write(staged, data);
        String oid = sha256(data);
        assertThatThrownBy(() -> store.importFile(staged, oid, 299)).isInstanceOf(BlobMismatchException.class);
        store.importFile(staged, oid, 300);
        assertThat(Files.exists(staged)).isFalse();
        try (InputStream in = Files.newInputStream(store.path(oid))) {
            assertThat(Arrays.equals(in.readAllBytes(), data)).isTrue();
        }
    }

    static Map<String, String> query(String href) {
        Map<String, String> m = new java.util.HashMap<>();
        for (String kv : URI.create(href).getRawQuery().split("&")) {
            String[] p = kv.split("=", 2);
            m.put(p[0], p[1]);
        }
        return m;
    }
}
