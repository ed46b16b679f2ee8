package dev.skiff.hub;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL 15 cluster for tests: {@code initdb} in a temp directory (as the {@code postgres} OS user
 * when running as root), listening on 127.0.0.1 at a free port with its socket in the same directory, trusted
 * local auth, started once per JVM and removed at exit. {@link #require()} skips the calling tests when no server
 * can be started, or fails them if {@code SKIFF_REQUIRE_POSTGRES=1}.
 */
public final class PostgresCluster {
    /** {@code $SKIFF_PG_BIN}, else the newest Debian-style {@code /usr/lib/postgresql/<major>/bin}. */
    public static final Path BIN = binDir();

    private static PostgresCluster shared;
    private static String unavailable;

    private final Path dir;
    private final int port;
    private final boolean asPostgres;
    private final AtomicInteger databases = new AtomicInteger();

    private static Path binDir() {
        String env = System.getenv("SKIFF_PG_BIN");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.filter(v -> v.getFileName().toString().matches("\\d+"))
                    .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
                    .map(v -> v.resolve("bin")).orElse(Path.of("/usr/lib/postgresql/15/bin"));
        } catch (IOException e) {
            return Path.of("/usr/lib/postgresql/15/bin");
        }
    }

    private PostgresCluster(Path dir, int port, boolean asPostgres) {
        this.dir = dir;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** The JVM's cluster; skips (or, with {@code SKIFF_REQUIRE_POSTGRES=1}, fails) when it cannot run. */
    public static synchronized PostgresCluster require() {
        if (shared == null && unavailable == null) {
            try {
                shared = start();
            } catch (Exception e) {
                unavailable = e.getMessage();
            }
        }
        if (shared == null) {
            String why = "PostgreSQL tests need a server: " + unavailable;
            if ("1".equals(System.getenv("SKIFF_REQUIRE_POSTGRES"))) {
                Assertions.fail(why + " (SKIFF_REQUIRE_POSTGRES=1 makes this a failure; install postgresql, or set SKIFF_PG_BIN)");
            }
            Assumptions.abort(why);
        }
        return shared;
    }

    /** A new empty database, as the hub's {@code --db} URL. */
    public String newDatabase() throws Exception {
        String name = "skiff_test_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return "postgresql://postgres@127.0.0.1:" + port + "/" + name;
    }

    private static PostgresCluster start() throws Exception {
        Path initdb = BIN.resolve("initdb");
        if (!Files.isExecutable(initdb)) {
            throw new IllegalStateException(initdb + " not found");
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "skiff-pg-");
        if (root) {
            run(List.of("chown", "postgres", dir.toString()), false, 30);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PostgresCluster c = new PostgresCluster(dir, port, root);
        run(List.of(initdb.toString(), "-D", dir.resolve("data").toString(), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                "--no-sync"), root, 120);
        run(List.of(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + " -c synchronous_commit=off -c full_page_writes=off", "start"), root, 90);
        Runtime.getRuntime().addShutdownHook(new Thread(c::stop));
        return c;
    }

    private void stop() {
        try {
            run(List.of(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "stop"),
                    asPostgres, 30);
        } catch (Exception ignored) {
            // exiting anyway
        }
        try {
            run(List.of("rm", "-rf", dir.toString()), false, 30);
        } catch (Exception ignored) {
            // a temp directory left behind
        }
    }

    private static void run(List<String> command, boolean asPostgres, int seconds) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (asPostgres) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(command);
        Path out = Files.createTempFile("skiff-pg-cmd", ".log");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + " timed out");
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed (" + p.exitValue() + "): " + Files.readString(out).strip());
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
