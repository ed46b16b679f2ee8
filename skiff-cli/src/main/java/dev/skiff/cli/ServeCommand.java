package dev.skiff.cli;

import dev.skiff.hub.HubConfig;
import dev.skiff.hub.HubServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code skiff serve}: run the hub on an embedded store (or PostgreSQL). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the Skiff hub: the Hugging Face Hub API on this machine.",
                "Point the stock client at it with HF_ENDPOINT=http://HOST:PORT and HF_TOKEN=<token from `skiff admin token create`>."})
final class ServeCommand implements Callable<Integer> {
    @Option(names = {"-p", "--port"}, defaultValue = "8000", description = "port (default ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "interface to listen on (default ${DEFAULT-VALUE})")
    String host;

    @Option(names = {"-d", "--data"}, defaultValue = "skiff-data", description = "data directory: git repos, LFS objects, SQLite (default ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--db", paramLabel = "URL", description = "postgresql://user:pass@host:port/db instead of SQLite")
    String db;

    @Option(names = "--public-url", paramLabel = "URL", description = "the URL clients use, if not http://HOST:PORT (e.g. behind a proxy)")
    String publicUrl;

    @Option(names = "--regular-upload-max", paramLabel = "MiB", defaultValue = "512",
            description = "files up to this size upload in regular mode, so clients with hf_xet need no Xet (default ${DEFAULT-VALUE})")
    long regularMaxMiB;

    @Override
    public Integer call() throws Exception {
        HubConfig cfg = HubConfig.defaults(data).withHost(host).withPort(port).withDbUrl(db).withPublicUrl(publicUrl)
                .withRegularUploadMax(regularMaxMiB << 20);
        HubServer server = HubServer.start(cfg);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception ignored) {
                // exiting anyway
            }
        }));
        System.out.println("Skiff hub serving " + server.url() + " (data: " + data.toAbsolutePath()
                + ", database: " + (db == null ? "SQLite" : "PostgreSQL") + ")");
        System.out.println("  export HF_ENDPOINT=" + server.url());
        System.out.println("  export HF_TOKEN=$(./skiff admin token create --user you --role write --data " + data + ")");
        System.out.flush();
        server.join();
        return SkiffCli.OK;
    }
}
