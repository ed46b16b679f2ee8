package dev.skiff.hub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.hub.http.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Calls a running hub as the Python client would: JSON bodies, {@code Authorization: Bearer}, raw paths. */
public final class HubTestClient {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    public HubTestClient(String base) {
        this.base = base;
    }

    /** A response: status, headers and the body parsed as JSON (null if empty). */
    public record Reply(int status, java.net.http.HttpHeaders headers, String text) {
        public JsonNode json() {
            try {
                return text.isEmpty() ? null : Json.MAPPER.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    public Reply get(String pathOrUrl, String token) {
        return send("GET", pathOrUrl, token, null);
    }

    public Reply post(String path, String token, Object body) {
        return send("POST", path, token, body);
    }

    public Reply put(String path, String token, Object body) {
        return send("PUT", path, token, body);
    }

    public Reply delete(String path, String token, Object body) {
        return send("DELETE", path, token, body);
    }

    /** POST /api/repos/create with {@code fields} (name, organization, type, visibility, sdk...). */
    public Reply create(String token, Map<String, ?> fields) {
        return post("/api/repos/create", token, fields);
    }

    public Reply send(String method, String pathOrUrl, String token, Object body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            if (body != null) {
                b.header("Content-Type", "application/json");
                b.method(method, HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body)));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + pathOrUrl + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
