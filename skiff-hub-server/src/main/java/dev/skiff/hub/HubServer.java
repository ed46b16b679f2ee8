package dev.skiff.hub;

import dev.skiff.hub.api.RouteGroup;
import dev.skiff.hub.api.Routes;
import dev.skiff.hub.db.Database;
import dev.skiff.hub.db.SqlMetaStore;
import dev.skiff.hub.git.GitHttp;
import dev.skiff.hub.http.HubHandler;
import dev.skiff.hub.http.Router;
import dev.skiff.hub.repo.GitRepoStorage;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.nio.file.Files;
import java.util.concurrent.Executors;

/**
 * The hub: a Jetty server speaking the Hugging Face Hub API over the stores in a data directory.
 * {@code HubServer.start(HubConfig.defaults(dir))} and it serves until {@link #close()}.
 */
public final class HubServer implements AutoCloseable {
    private final Server server;
    private final Database db;
    private final Hub hub;

    private HubServer(Server server, Database db, Hub hub) {
        this.server = server;
        this.db = db;
        this.hub = hub;
    }

    public static HubServer start(HubConfig config) throws Exception {
        Files.createDirectories(config.dataDir());
        Database db = Database.open(config.dataDir(), config.dbUrl());
        try {
            QueuedThreadPool pool = new QueuedThreadPool(200, 8);
            pool.setName("hub");
            pool.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
            Server server = new Server(pool);
            HttpConfiguration http = new HttpConfiguration();
            // revisions, branches and paths arrive with %2F inside one segment; the router decodes them once
            http.setUriCompliance(UriCompliance.LEGACY);
            http.setSendServerVersion(false);
            http.setRequestHeaderSize(64 * 1024);
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(config.host());
            connector.setPort(config.port());
            server.addConnector(connector);

            connector.open(); // bind now: the base URL needs the port
            int port = connector.getLocalPort();
            String base = config.publicUrl() != null ? config.publicUrl().replaceAll("/+$", "")
                    : "http://" + (config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host()) + ":" + port;
            Hub hub = new Hub(config.withPort(port), new SqlMetaStore(db.dataSource()),
                    new GitRepoStorage(config.dataDir().resolve("git")), base);
            Router router = new Router();
            for (RouteGroup g : Routes.all()) {
                g.register(router, hub);
            }
            server.setHandler(new HubHandler(router, base, GitHttp::matches, GitHttp.handler(hub)));
            server.start();
            return new HubServer(server, db, hub);
        } catch (Exception e) {
            db.close();
            throw e;
        }
    }

    public Hub hub() {
        return hub;
    }

    public int port() {
        return hub.config().port();
    }

    public String url() {
        return hub.baseUrl();
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            hub.git().close();
            db.close();
        }
    }

}
