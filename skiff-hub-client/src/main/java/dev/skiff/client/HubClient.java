package dev.skiff.client;

import dev.skiff.client.http.Backoff;
import dev.skiff.client.http.HubTransport;

/**
 * The Java Hub client, with the ergonomics of Python's {@code HfApi} and {@code hf_hub_download}: the endpoint, token,
 * cache folder and offline mode come from the environment exactly as Python resolves them ({@link HubEnvironment}),
 * files land in the cache layout Python uses, and errors are the typed exceptions of {@code dev.skiff.client.errors}.
 *
 * <pre>{@code
 * HubClient hub = HubClient.fromEnvironment();
 * Path model = hub.download("alice/iris", "model.skops");
 * }</pre>
 *
 * Thread-safe: one client serves any number of threads.
 */
public final class HubClient {
    private final HubTransport transport;

    /** A client on {@code transport}. */
    public HubClient(HubTransport transport) {
        this.transport = transport;
    }

    /** A client configured by this process's environment ({@code HF_ENDPOINT}, {@code HF_TOKEN}, {@code HF_HOME}...). */
    public static HubClient fromEnvironment() {
        return of(HubEnvironment.fromSystem());
    }

    /** A client for {@code env}, with Python's retry policy. */
    public static HubClient of(HubEnvironment env) {
        return new HubClient(HubTransport.of(env));
    }

    /** A client for {@code env} with another retry policy (tests use short waits). */
    public static HubClient of(HubEnvironment env, Backoff backoff) {
        return new HubClient(new HubTransport(env, env.implicitTokenDisabled() ? null : env.token(), backoff,
                Backoff.Sleeper.REAL));
    }

    /** The settings in use. */
    public HubEnvironment environment() {
        return transport.env();
    }

    /** The transport (for the parts of the client in sub-packages). */
    public HubTransport transport() {
        return transport;
    }

    // --- downloads, cache, listings and repo information (client-read) ---

    // --- repo management, commits and uploads (client-write) ---
}
