package dev.skiff.format.npy;

import dev.skiff.format.testing.PythonOracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scipy.sparse.save_npz output read by Java, and Java's Npz.write output loaded by scipy.sparse.load_npz. */
class NpzScipyOracleTest {

    private static final List<String> MATRICES = List.of("csr", "csc", "coo", "bsr", "dia", "csr_array",
            "coo_array_1d", "csr_int64", "csc_bool", "csr_empty", "csr_big_endian");

    @TempDir
    static Path dir;

    @BeforeAll
    static void scipyWritesTheMatrices() throws Exception {
        PythonOracle.runResource("/npy/scipy_npz.py", "write", dir.toString());
    }

    @Test
    void javaReadsSaveNpzOutputAndScipyLoadsJavasNpz() throws Exception {
        for (String name : MATRICES) {
            LinkedHashMap<String, NpyArray> members = readNpz(dir.resolve(name + ".npz"));
            assertThat(members).as(name).containsKeys("format", "shape", "data");
            Path memberDir = dir.resolve(name);
            try (Stream<Path> files = Files.list(memberDir)) {
                assertThat(files.count()).as(name).isEqualTo(members.size());
            }
            for (Map.Entry<String, NpyArray> m : members.entrySet()) {
                byte[] single = Files.readAllBytes(memberDir.resolve(m.getKey() + ".npy"));
                assertThat(m.getValue()).as("%s/%s", name, m.getKey()).isEqualTo(Npy.read(single, NpyLimits.DEFAULT));
                assertThat(Npy.write(m.getValue())).as("%s/%s bytes", name, m.getKey()).isEqualTo(single);
            }
            assertThat(members.get("format").getString(0)).isEqualTo(name.substring(0, 3));
            Files.write(dir.resolve(name + ".java.npz"), Npz.write(members));
        }
        assertThat(PythonOracle.runResource("/npy/scipy_npz.py", "check", dir.toString())).contains("ok: 11 matrices");
    }

    @Test
    void csrMembersHaveTheExpectedTypes() throws Exception {
        LinkedHashMap<String, NpyArray> csr = readNpz(dir.resolve("csr.npz"));
        assertThat(csr.keySet()).containsExactly("indices", "indptr", "format", "shape", "data");
        assertThat(csr.get("format").dtype().descrLiteral()).isEqualTo("'|S3'");
        assertThat(csr.get("format").ndim()).isZero();
        assertThat(csr.get("shape").toLongArray()).containsExactly(6, 5);
        assertThat(csr.get("indptr").toLongArray()).hasSize(7);
        NpyArray isArray = readNpz(dir.resolve("csr_array.npz")).get("_is_array");
        assertThat(isArray.getBoolean(0)).isTrue();
    }

    @Test
    void storedZipsAreReadToo() throws Exception {
        assertThat(readNpz(dir.resolve("csr_stored.npz"))).isEqualTo(readNpz(dir.resolve("csr.npz")));
    }

    @Test
    void numpyForcesZip64ExtraFieldsInLocalHeaders() throws Exception {
        byte[] zip = Files.readAllBytes(dir.resolve("csr.npz"));
        // local header: compressed and uncompressed sizes are 0xffffffff, the real ones sit in a zip64 extra
        assertThat(zip[18]).isEqualTo((byte) 0xff);
        assertThat(zip[22]).isEqualTo((byte) 0xff);
        assertThat(readNpz(dir.resolve("csr.npz"))).hasSize(5);
    }

    private static LinkedHashMap<String, NpyArray> readNpz(Path p) throws Exception {
        return Npz.read(Files.readAllBytes(p), NpyLimits.DEFAULT, 100);
    }
}
