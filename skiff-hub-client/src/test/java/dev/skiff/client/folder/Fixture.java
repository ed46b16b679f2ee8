package dev.skiff.client.folder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repo-folder fixtures of {@code src/test/resources/dev/skiff/client/folder/<case>/}: a model dumped by skops
 * 0.16, a data sample, and what skops 0.11's {@code hub_utils} wrote for them ({@code expected/}); made by
 * {@code interop/tools/make_repo_folder_fixtures.py}.
 */
final class Fixture {
    private Fixture() {
    }

    static byte[] bytes(String name) throws IOException {
        try (InputStream in = Fixture.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource dev/skiff/client/folder/" + name);
            }
            return in.readAllBytes();
        }
    }

    static String text(String name) throws IOException {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** Copies {@code <case>/<file>} to {@code dir/<as>} and returns the copy. */
    static Path copy(String name, Path dir, String as) throws IOException {
        Files.createDirectories(dir);
        Path out = dir.resolve(as);
        Files.write(out, bytes(name));
        return out;
    }
}
