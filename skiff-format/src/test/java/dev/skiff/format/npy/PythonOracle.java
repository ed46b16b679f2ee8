package dev.skiff.format.npy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the project's Python (numpy/scipy) as the reference implementation. */
final class PythonOracle {

    static final Path PYTHON = Path.of("/work/main/.venv/bin/python");

    private PythonOracle() {
    }

    /** Skips the calling test if the venv is absent. */
    static void assumeAvailable() {
        assumeTrue(Files.exists(PYTHON), "numpy oracle not available: " + PYTHON + " does not exist");
    }

    /** Runs a script from test resources {@code npy/}; fails the test with its output unless it exits 0. */
    static String run(String script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(PYTHON.toString());
        cmd.add(resource(script).toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("python finished").isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("exit code of %s; output:%n%s", script, text).isZero();
        return text;
    }

    private static Path resource(String name) {
        try {
            return Path.of(PythonOracle.class.getResource("/npy/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource npy/" + name, e);
        }
    }
}
