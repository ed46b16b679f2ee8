package dev.skiff.client.http;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One call to the hub, described so that {@link HubTransport} can send it again on a retry: the body is a supplier
 * of fresh publishers (a file is re-read, not buffered), the headers are kept in order.
 *
 * @param method          HTTP method
 * @param url             absolute URL
 * @param body            makes the body for each try; null for none
 * @param headers         extra headers (the transport adds {@code Authorization} and {@code User-Agent})
 * @param endpointName    a name for error messages ("preupload", "commit", ...), or null
 * @param retry           whether 429/5xx answers and connection errors are retried with backoff
 * @param followRedirects whether 3xx answers are followed (downloads follow them by hand to read the first answer)
 * @param timeout         how long to wait for the answer's headers; null: the transport's default
 * @param auth            whether the token is sent (false for pre-signed URLs on another host)
 */
public record HubRequest(String method, String url, Supplier<HttpRequest.BodyPublisher> body,
                         Map<String, String> headers, String endpointName, boolean retry, boolean followRedirects,
                         Duration timeout, boolean auth) {
    public HubRequest {
        headers = Map.copyOf(new LinkedHashMap<>(headers));
    }

    /** A request without a body, retried, following redirects, with the token. */
    public static HubRequest of(String method, String url) {
        return new HubRequest(method, url, null, Map.of(), null, true, true, null, true);
    }

    /** {@code GET url}. */
    public static HubRequest get(String url) {
        return of("GET", url);
    }

    /** {@code HEAD url}. */
    public static HubRequest head(String url) {
        return of("HEAD", url);
    }

    /** {@code method url} with a JSON body. */
    public static HubRequest json(String method, String url, Object value) {
        byte[] bytes = Json.bytes(value);
        return of(method, url).withBody(() -> HttpRequest.BodyPublishers.ofByteArray(bytes))
                .withHeader("Content-Type", "application/json");
    }

    /** A copy with one more header (replacing one of the same name). */
    public HubRequest withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new HubRequest(method, url, body, h, endpointName, retry, followRedirects, timeout, auth);
    }

    /** A copy with another body. */
    public HubRequest withBody(Supplier<HttpRequest.BodyPublisher> b) {
        return new HubRequest(method, url, b, headers, endpointName, retry, followRedirects, timeout, auth);
    }

    /** A copy named for error messages. */
    public HubRequest named(String name) {
        return new HubRequest(method, url, body, headers, name, retry, followRedirects, timeout, auth);
    }

    /** A copy that is sent once only. */
    public HubRequest noRetry() {
        return new HubRequest(method, url, body, headers, endpointName, false, followRedirects, timeout, auth);
    }

    /** A copy that returns 3xx answers instead of following them. */
    public HubRequest noRedirects() {
        return new HubRequest(method, url, body, headers, endpointName, retry, false, timeout, auth);
    }

    /** A copy with its own header timeout. */
    public HubRequest withTimeout(Duration t) {
        return new HubRequest(method, url, body, headers, endpointName, retry, followRedirects, t, auth);
    }

    /** A copy sent without the token (pre-signed URLs). */
    public HubRequest withoutAuth() {
        return new HubRequest(method, url, body, headers, endpointName, retry, followRedirects, timeout, false);
    }
}
