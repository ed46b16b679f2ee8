package dev.skiff.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.client.HubEnvironment;
import dev.skiff.client.errors.HubConnectionException;
import dev.skiff.client.errors.HubException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The one way the client talks to a hub: adds the token and a {@code User-Agent}, retries 408/429/5xx answers and
 * connection errors with {@link Backoff} (honouring {@code Retry-After} and an exhausted {@code RateLimit}), and turns
 * error answers into the typed exceptions of {@link HttpErrors}. Thread-safe; one per {@code HubClient}.
 */
public final class HubTransport {
    /** Sent with every request. */
    public static final String USER_AGENT = "skiff-hub-client/0.1; java/" + Runtime.version().feature();

    private final HubEnvironment env;
    private final String token;
    private final Backoff backoff;
    private final Backoff.Sleeper sleeper;
    private final HttpClient following;
    private final HttpClient notFollowing;
    private final Duration defaultTimeout;

    /**
     * @param env     endpoint, token and timeouts
     * @param token   the token to send (null: none); usually {@code env.token()} unless implicit tokens are disabled
     * @param backoff retry policy
     * @param sleeper how to wait between tries
     */
    public HubTransport(HubEnvironment env, String token, Backoff backoff, Backoff.Sleeper sleeper) {
        this.env = env;
        this.token = token;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.defaultTimeout = Duration.ofSeconds(60);
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10));
        this.following = b.followRedirects(HttpClient.Redirect.NORMAL).build();
        this.notFollowing = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A transport for {@code env} with its token (unless implicit tokens are disabled) and Python's retries. */
    public static HubTransport of(HubEnvironment env) {
        return new HubTransport(env, env.implicitTokenDisabled() ? null : env.token(), Backoff.defaults(),
                Backoff.Sleeper.REAL);
    }

    /** The settings this transport was made with. */
    public HubEnvironment env() {
        return env;
    }

    /** The token sent, or null. */
    public String token() {
        return token;
    }

    /** {@code pathOrUrl} made absolute against the endpoint ({@code /api/whoami-v2} → {@code http://hub/api/whoami-v2}). */
    public String url(String pathOrUrl) {
        if (pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://")) {
            return pathOrUrl;
        }
        return env.endpoint() + (pathOrUrl.startsWith("/") ? "" : "/") + pathOrUrl;
    }

    /** An answer read to the end. */
    public record Reply(int status, java.net.http.HttpHeaders headers, byte[] body, String url) {
        /** The body as JSON (a malformed one is a protocol error naming the URL). */
        public JsonNode json() {
            return Json.parse(body, url);
        }
    }

    /** Sends {@code r} (with retries), reads the whole answer and throws the typed exception for an error status. */
    public Reply send(HubRequest r) {
        HttpResponse<byte[]> resp = exchange(r, HttpResponse.BodyHandlers.ofByteArray());
        HttpErrors.raiseForStatus(resp.statusCode(), resp.headers(), resp.body(), r.url(), r.endpointName());
        return new Reply(resp.statusCode(), resp.headers(), resp.body(), r.url());
    }

    /** {@link #send} and parse the answer as JSON. */
    public JsonNode json(HubRequest r) {
        return send(r).json();
    }

    /**
     * Sends {@code r} and returns the answer with its body still to be read (the caller closes it). An error status is
     * read and thrown as the typed exception; 3xx answers come back as they are when {@code r} does not follow them.
     */
    public HttpResponse<InputStream> stream(HubRequest r) {
        HttpResponse<InputStream> resp = exchange(r, HttpResponse.BodyHandlers.ofInputStream());
        if (resp.statusCode() >= 400) {
            byte[] body;
            try (InputStream in = resp.body()) {
                body = in.readNBytes(64 * 1024);
            } catch (IOException e) {
                body = new byte[0];
            }
            throw HttpErrors.toException(resp.statusCode(), resp.headers(), body, r.url(), r.endpointName());
        }
        return resp;
    }

    /** Sends with retries; returns the last answer (any status) or throws {@link HubConnectionException}. */
    private <T> HttpResponse<T> exchange(HubRequest r, HttpResponse.BodyHandler<T> handler) {
        HttpRequest request = build(r);
        HttpClient client = r.followRedirects() ? following : notFollowing;
        int tries = r.retry() ? backoff.maxRetries() + 1 : 1;
        IOException lastError = null;
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<T> resp = client.send(attempt == 1 ? request : build(r), handler);
                int s = resp.statusCode();
                if (attempt < tries && Backoff.RETRY_STATUSES.contains(s)) {
                    discard(resp);
                    pause(backoff.delay(attempt, ResponseHeaders.serverWaitSeconds(s, resp.headers())));
                    continue;
                }
                return resp;
            } catch (IOException e) {
                lastError = e;
                if (attempt >= tries) {
                    throw new HubConnectionException(r.method() + " " + r.url() + " failed after " + attempt
                            + (attempt == 1 ? " try" : " tries") + ": " + describe(e), e);
                }
                pause(backoff.delay(attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HubException("interrupted during " + r.method() + " " + r.url(), e);
            }
        }
    }

    private HttpRequest build(HubRequest r) {
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(r.url()));
        } catch (IllegalArgumentException e) {
            throw new HubException("not a valid URL: " + r.url(), e);
        }
        b.timeout(r.timeout() != null ? r.timeout() : defaultTimeout);
        b.header("User-Agent", USER_AGENT);
        if (r.auth() && token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        for (Map.Entry<String, String> h : r.headers().entrySet()) {
            b.header(h.getKey(), h.getValue());
        }
        b.method(r.method(), r.body() == null ? HttpRequest.BodyPublishers.noBody() : r.body().get());
        return b.build();
    }

    private void pause(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubException("interrupted while waiting to retry", e);
        }
    }

    private static void discard(HttpResponse<?> resp) {
        if (resp.body() instanceof InputStream in) {
            try {
                in.close();
            } catch (IOException ignored) {
                // the connection is dropped either way
            }
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : " (" + m.strip() + ")");
    }
}
