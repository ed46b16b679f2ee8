package dev.skiff.format;

import dev.skiff.format.audit.AuditReport;
import dev.skiff.format.audit.TrustPolicy;
import dev.skiff.format.audit.UntrustedTypesException;
import dev.skiff.format.testing.PythonOracle;
import dev.skiff.format.write.WriteOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Files written by Python skops, read and rewritten by Skiff: same schema text, same members, same audit. */
class RoundTripTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void makeModels() throws Exception {
        PythonOracle.run("""
                import sys, numpy as np, skops.io as sio
                from sklearn.linear_model import LogisticRegression
                from sklearn.pipeline import Pipeline
                from sklearn.preprocessing import StandardScaler, FunctionTransformer
                from sklearn.tree import DecisionTreeClassifier
                from sklearn.ensemble import RandomForestClassifier
                d = sys.argv[1]
                X = np.random.RandomState(0).rand(60, 4); y = (X[:, 0] > 0.5).astype(int)
                sio.dump(LogisticRegression().fit(X, y), d + "/lr.skops")
                sio.dump(Pipeline([("f", FunctionTransformer(np.log1p)), ("s", StandardScaler()),
                                   ("lr", LogisticRegression())]).fit(X, y), d + "/pipe.skops")
                sio.dump(DecisionTreeClassifier(max_depth=3, random_state=0).fit(X, y), d + "/dt.skops")
                sio.dump(Pipeline([("rf", RandomForestClassifier(3, random_state=0))]).fit(X, y), d + "/rf.skops")
                sio.dump({"u": np.array(["a", "bé"]), "c": np.arange(6).reshape(2, 3).T, "s": slice(1, None, 2),
                          "b": b"\\x00\\xff", "t": (1, 2.5, None), "f": np.float32(1.5)}, d + "/payload.skops")
                """, "", dir.toString());
    }

    /** Python's schema text with ids renumbered by first appearance (ids are only compared for equality). */
    static String normalized(Path file) throws IOException {
        String s;
        try (ZipFile z = new ZipFile(file.toFile())) {
            s = new String(z.getInputStream(z.getEntry("schema.json")).readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> ids = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(\"__id__\": )(\\d+)").matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, m.group(1) + ids.computeIfAbsent(m.group(2), k -> Integer.toString(ids.size() + 1)));
        }
        m.appendTail(out);
        s = out.toString();
        Matcher f = Pattern.compile("(\"file\": \")(\\d+)(\\.np[yz]\")").matcher(s);
        out = new StringBuilder();
        while (f.find()) {
            f.appendReplacement(out, f.group(1) + ids.get(f.group(2)) + f.group(3));
        }
        f.appendTail(out);
        return out.toString().replaceAll("\"_skops_version\": \"[^\"]*\"", "\"_skops_version\": \"X\"")
                .replaceAll("\"file\": \"[0-9a-f-]{36}\\.bin\"", "\"file\": \"B.bin\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lr", "pipe", "dt", "payload"})
    void rewrittenSchemaIsPythonsSchemaUpToIds(String name) throws IOException {
        Path in = dir.resolve(name + ".skops");
        Path out = dir.resolve(name + ".java.skops");
        Skops.write(Skops.read(in).root(), out, WriteOptions.STORED);
        assertThat(normalized(out)).isEqualTo(normalized(in));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lr", "pipe", "dt", "rf", "payload"})
    void arrayMembersAreByteIdenticalToNumpys(String name) throws IOException {
        Path in = dir.resolve(name + ".skops");
        byte[] rewritten = Skops.write(Skops.read(in).root(), WriteOptions.STORED);
        Path out = dir.resolve(name + ".members.skops");
        Files.write(out, rewritten);
        try (ZipFile a = new ZipFile(in.toFile()); ZipFile b = new ZipFile(out.toFile())) {
            var pythons = a.stream().filter(e -> e.getName().endsWith(".npy")).map(e -> content(a, e)).sorted().toList();
            var javas = b.stream().filter(e -> e.getName().endsWith(".npy")).map(e -> content(b, e)).sorted().toList();
            assertThat(javas).isEqualTo(pythons);
        }
    }

    private static String content(ZipFile z, java.util.zip.ZipEntry e) {
        try {
            return java.util.HexFormat.of().formatHex(z.getInputStream(e).readAllBytes());
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    @Test
    void writingIsReproducibleAndAFixpoint() throws IOException {
        SkopsFile f = Skops.read(dir.resolve("rf.skops"));
        byte[] once = Skops.write(f.root(), WriteOptions.DEFLATED);
        byte[] again = Skops.write(f.root(), WriteOptions.DEFLATED);
        assertThat(again).isEqualTo(once);
        byte[] twice = Skops.write(Skops.read(once).root(), WriteOptions.DEFLATED);
        assertThat(twice).isEqualTo(once);
    }

    @Test
    void auditNamesTheTypesAndWhereTheyAre() throws IOException {
        AuditReport dt = Skops.audit(Skops.read(dir.resolve("dt.skops")), TrustPolicy.defaults());
        assertThat(dt.typeNames()).containsExactly("sklearn.tree._tree.Tree");
        assertThat(dt.untrusted().get(0).paths()).containsExactly("root.tree_");

        AuditReport rf = Skops.audit(Skops.read(dir.resolve("rf.skops")), TrustPolicy.defaults());
        assertThat(rf.typeNames()).containsExactly("sklearn.tree._tree.Tree");
        assertThat(rf.untrusted().get(0).paths()).contains("root.steps[0][1].estimators_[0].tree_",
                "root.steps[0][1].estimators_[2].tree_");

        assertThat(Skops.audit(Skops.read(dir.resolve("pipe.skops")), TrustPolicy.defaults()).isTrusted()).isTrue();
    }

    @Test
    void loadRefusesUntrustedUntilTrustedByName() throws Exception {
        Path dt = dir.resolve("dt.skops");
        assertThatThrownBy(() -> Skops.load(dt, TrustPolicy.defaults()))
                .isInstanceOf(UntrustedTypesException.class)
                .hasMessageContaining("sklearn.tree._tree.Tree (at root.tree_)");
        TrustedSkops ok = Skops.load(dt, TrustPolicy.trusting("sklearn.tree._tree.Tree"));
        assertThat(ok.root().typeName()).isEqualTo("sklearn.tree._classes.DecisionTreeClassifier");
        assertThat(ok.trustedByCaller().typeNames()).containsExactly("sklearn.tree._tree.Tree");
    }
}
