package dev.skiff.cli.folder;

import dev.skiff.cli.SkiffCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code skiff init}: the folder, the report, and one-line errors with the documented exit codes. */
class InitCommandTest {
    @TempDir
    Path tmp;

    /** The repo-folder fixtures of skiff-hub-client (models dumped by skops 0.16, samples, skops 0.11 output). */
    static Path fixtures() {
        Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        for (Path d = base; d != null; d = d.getParent()) {
            Path f = d.resolve("skiff-hub-client/src/test/resources/dev/skiff/client/folder");
            if (Files.isDirectory(f)) {
                return f;
            }
        }
        throw new IllegalStateException("no skiff-hub-client/src/test/resources/dev/skiff/client/folder above " + base);
    }

    /** What one CLI run printed and returned. */
    record Run(int exit, String out, String err) {
    }

    static synchronized Run skiff(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = SkiffCli.execute(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void makesTheFolderSkopsWouldHaveMade() throws Exception {
        Path f = fixtures().resolve("iris_forest");
        Path dir = tmp.resolve("iris");
        Run r = skiff("init", f.resolve("model.skops").toString(), dir.toString(), "--task", "tabular-classification",
                "--data", f.resolve("sample.csv").toString(), "--trust", "sklearn.tree._tree.Tree");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("made " + dir).contains("left out:      target")
                .contains("3 row(s), predicted on the JVM without error").contains("trusted:       sklearn.tree._tree.Tree");
        assertThat(Files.readString(dir.resolve("config.json"))).isEqualTo(Files.readString(f.resolve("expected/config.json")));
        assertThat(dir.resolve("README.md")).content().contains("structured_data:").contains("trusted=[\"sklearn.tree._tree.Tree\"]");
    }

    @Test
    void requirementsAndNoReadme() throws Exception {
        Path f = fixtures().resolve("numpy_linear");
        Path dir = tmp.resolve("lin");
        Run r = skiff("init", f.resolve("model.skops").toString(), dir.toString(), "--task", "tabular-regression",
                "--requirements", "pandas,numpy=2.4.6", "--requirements", "skops>=0.16", "--no-readme");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("example input: none").contains("columns:       x0, x1, x2, x3")
                .contains("environment:   scikit-learn=1.9.1, skops>=0.16, pandas, numpy=2.4.6");
        assertThat(dir.resolve("README.md")).doesNotExist();
    }

    @Test
    void errorsAreOneLineWithDocumentedCodes() throws Exception {
        Path f = fixtures().resolve("iris_forest");
        String model = f.resolve("model.skops").toString();
        Path dir = tmp.resolve("out");
        // untrusted types: 3
        Run r = skiff("init", model, dir.toString(), "--task", "tabular-classification");
        assertThat(r.exit()).isEqualTo(3);
        assertOneLine(r, "skiff: Untrusted types found in the file: sklearn.tree._tree.Tree");
        // bad usage and bad input: 2
        r = skiff("init", model, dir.toString(), "--task", "text-classification");
        assertThat(r.exit()).isEqualTo(2);
        assertOneLine(r, "skiff: unknown task \"text-classification\"; use one of tabular-classification, tabular-regression");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("x"), "x");
        r = skiff("init", model, dir.toString(), "--task", "tabular-classification", "--trust", "sklearn.tree._tree.Tree");
        assertThat(r.exit()).isEqualTo(2);
        assertOneLine(r, "skiff: " + dir + " is not empty");
        Path bad = Files.writeString(tmp.resolve("bad.csv"), "a,b\n1,2\n");
        r = skiff("init", model, tmp.resolve("o2").toString(), "--task", "tabular-classification", "--data", bad.toString(),
                "--trust", "sklearn.tree._tree.Tree");
        assertThat(r.exit()).isEqualTo(2);
        assertOneLine(r, "skiff: the data sample lacks column(s)");
        r = skiff("init", tmp.resolve("missing.skops").toString(), tmp.resolve("o3").toString(), "--task", "tabular-regression");
        assertThat(r.exit()).isEqualTo(2);
        assertOneLine(r, "skiff: no such file: ");
        r = skiff("init", model, tmp.resolve("o4").toString(), "--task", "tabular-regression", "--model-format", "pickle");
        assertThat(r.exit()).isEqualTo(2);
        assertOneLine(r, "skiff: model.skops is a pickle");
        r = skiff("init", model);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required");
        assertThat(tmp.resolve("o2")).doesNotExist();
        assertThat(tmp.resolve("o4")).doesNotExist();
    }

    private static void assertOneLine(Run r, String prefix) {
        assertThat(r.err()).startsWith(prefix).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
    }
}
