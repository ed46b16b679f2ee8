package dev.skiff.clientit;

import dev.skiff.client.HubClient;
import dev.skiff.client.HubEnvironment;
import dev.skiff.client.http.Backoff;
import dev.skiff.hub.HubConfig;
import dev.skiff.hub.HubServer;
import dev.skiff.hub.db.MetaStore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A real hub ({@code skiff serve}'s server, in-process on a free port, SQLite store in a temp folder) for the client's
 * integration tests: users alice and bob with write tokens, a read token for alice, an org acme where alice writes.
 * {@link #client} gives a {@link HubClient} configured through the same environment variables Python reads.
 */
public final class TestHub implements AutoCloseable {
    public final HubServer server;
    public final String url;
    public final String alice;
    public final String aliceRead;
    public final String bob;

    private TestHub(HubServer server) {
        this.server = server;
        this.url = server.url();
        MetaStore meta = server.hub().meta();
        meta.ensureUser("alice");
        meta.ensureUser("bob");
        meta.ensureOrg("acme");
        meta.addMember("acme", "alice", "write");
        alice = meta.createToken("alice", "write", "test");
        aliceRead = meta.createToken("alice", "read", "test-read");
        bob = meta.createToken("bob", "write", "test");
    }

    /** A hub storing in {@code data}, its configuration changed by {@code tweak} (e.g. small LFS parts). */
    public static TestHub start(Path data, UnaryOperator<HubConfig> tweak) throws Exception {
        return new TestHub(HubServer.start(tweak.apply(HubConfig.defaults(data).withPort(0))));
    }

    /** A hub with the default configuration. */
    public static TestHub start(Path data) throws Exception {
        return start(data, c -> c);
    }

    /**
     * The environment a process with {@code HF_ENDPOINT} = this hub, {@code HF_HOME} = {@code home} and
     * {@code HF_TOKEN} = {@code token} (null: unset) would see, plus {@code extra} variables.
     */
    public HubEnvironment env(Path home, String token, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("HF_ENDPOINT", url);
        env.put("HF_HOME", home.toString());
        if (token != null) {
            env.put("HF_TOKEN", token);
        }
        env.putAll(extra);
        return HubEnvironment.from(env, home);
    }

    /** A client for {@code env} whose retries wait 10-40 ms instead of seconds. */
    public static HubClient client(HubEnvironment env) {
        return HubClient.of(env, new Backoff(3, Duration.ofMillis(10), Duration.ofMillis(40)));
    }

    /** A client acting as {@code token}'s owner, caching under {@code home}. */
    public HubClient client(Path home, String token) {
        return client(env(home, token, Map.of()));
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
