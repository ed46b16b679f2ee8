package dev.skiff.format.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the project's Python venv (real numpy, scikit-learn, skops) as a test oracle. Tests that need it
 * are skipped with a clear reason only when the venv was never created ({@code scripts/ensure-venv.sh}).
 */
public final class PythonOracle {
    private PythonOracle() {
    }

    public static Path python() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path py = d.resolve(".venv/bin/python");
            if (Files.isExecutable(py)) {
                return py;
            }
        }
        Assumptions.abort("no .venv found above " + dir + "; run scripts/ensure-venv.sh");
        return null;
    }

    /** Runs the test resource script {@code resource} (e.g. {@code "/npy/numpy_cases.py"}); returns stdout. */
    public static String runResource(String resource, String... args) throws IOException, InterruptedException {
        java.net.URL url = PythonOracle.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        try {
            return run(Files.readString(Path.of(url.toURI())), "", args);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code code} with stdin {@code input}; returns stdout, failing the test on a non-zero exit. */
    public static String run(String code, String input, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(python().toString(), "-c", code));
        cmd.addAll(List.of(args));
        Path outFile = Files.createTempFile("oracle", ".out");
        Path errFile = Files.createTempFile("oracle", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(outFile.toFile()).redirectError(errFile.toFile()).start();
            try (var in = p.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("python did not finish within 300 s");
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("python failed (" + p.exitValue() + "):\n" + Files.readString(errFile));
            }
            return Files.readString(outFile);
        } finally {
            Files.deleteIfExists(outFile);
            Files.deleteIfExists(errFile);
        }
    }
}
