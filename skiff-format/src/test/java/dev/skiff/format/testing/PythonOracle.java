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

    /** Runs {@code code} with stdin {@code input}; returns stdout, failing the test on a non-zero exit. */
    public static String run(String code, String input, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(python().toString(), "-c", code));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        try (var in = p.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("python timed out");
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("python failed (" + p.exitValue() + "):\n" + new String(err, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
