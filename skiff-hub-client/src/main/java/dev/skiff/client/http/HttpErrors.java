package dev.skiff.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.client.errors.BadRequestException;
import dev.skiff.client.errors.EntryNotFoundException;
import dev.skiff.client.errors.GatedRepoException;
import dev.skiff.client.errors.HubHttpException;
import dev.skiff.client.errors.RepositoryNotFoundException;
import dev.skiff.client.errors.RevisionNotFoundException;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns an error answer into the exception the Python client would raise ({@code hf_raise_for_status}), in its order:
 * {@code X-Error-Code} {@code RevisionNotFound}, {@code EntryNotFound}, {@code GatedRepo}, then {@code RepoNotFound} (or a
 * 401 on a repo URL whose message is not about the credentials), then 400, then any other status. Messages stay on one
 * line: what happened, the URL, the hub's own words and the request id.
 */
public final class HttpErrors {
    /** Repo API and file URLs, on any scheme (Python only matches https; Skiff hubs often run on plain http). */
    private static final Pattern REPO_URL = Pattern.compile("^https?://[^/]+(/api/(models|datasets|spaces)/.+|/.+/resolve/.+)");

    private HttpErrors() {
    }

    /** Returns normally for 1xx-3xx; throws the typed exception for an error status. */
    public static void raiseForStatus(int status, HttpHeaders headers, byte[] body, String url, String endpointName) {
        if (status < 400) {
            return;
        }
        throw toException(status, headers, body, url, endpointName);
    }

    /** The exception for an error answer. */
    public static HubHttpException toException(int status, HttpHeaders headers, byte[] body, String url, String endpointName) {
        String code = headers.firstValue("X-Error-Code").orElse(null);
        String headerMessage = headers.firstValue("X-Error-Message").orElse(null);
        String server = serverMessage(headerMessage, headers, body);
        String requestId = ResponseHeaders.requestId(headers);
        String what;
        if ("RevisionNotFound".equals(code)) {
            what = status + " Revision Not Found for url: " + url;
            return new RevisionNotFoundException(line(what, server, requestId), status, server, code, requestId, url);
        }
        if ("EntryNotFound".equals(code)) {
            what = status + " Entry Not Found for url: " + url;
            return new EntryNotFoundException(line(what, server, requestId), status, server, code, requestId, url);
        }
        if ("GatedRepo".equals(code)) {
            what = status + " Cannot access gated repo for url " + url;
            return new GatedRepoException(line(what, server, requestId), status, server, code, requestId, url);
        }
        if ("RepoNotFound".equals(code) || status == 401
                && !"Invalid credentials in Authorization header".equals(headerMessage)
                && REPO_URL.matcher(url).find()) {
            what = status + " Repository Not Found for url: " + url
                    + " (check the repo id and type; a private or gated repo needs a token that may read it)";
            return new RepositoryNotFoundException(line(what, server, requestId), status, server, code, requestId, url);
        }
        if (status == 400) {
            what = "400 Bad request" + (endpointName != null ? " for " + endpointName + " endpoint" : "") + ": " + url;
            return new BadRequestException(line(what, server, requestId), status, server, code, requestId, url);
        }
        if (status == 401) {
            what = "401 Unauthorized for url: " + url + " (log in with a valid token)";
        } else if (status == 403) {
            what = "403 Forbidden for url: " + url + " (make sure your token has the needed permissions)";
        } else if (status == 429) {
            Long reset = ResponseHeaders.rateLimitResetSeconds(headers);
            what = "429 Too Many Requests for url: " + url + (reset != null ? " (rate limit resets in " + reset + " s)" : "");
        } else if (status == 416) {
            what = "416 Range Not Satisfiable for url: " + url + " (Content-Range: "
                    + headers.firstValue("Content-Range").orElse("none") + ")";
        } else {
            what = status + (status >= 500 ? " Server Error" : " Client Error") + " for url: " + url;
        }
        return new HubHttpException(line(what, server, requestId), status, server, code, requestId, url);
    }

    /**
     * The hub's words: {@code X-Error-Message}, then the JSON body's {@code error} (a string, a list, or with
     * {@code error_description}) and {@code errors[].message}; a non-JSON, non-HTML body as it is. Deduplicated, joined
     * by "; ", null if there are none.
     */
    static String serverMessage(String headerMessage, HttpHeaders headers, byte[] body) {
        List<String> parts = new ArrayList<>();
        if (headerMessage != null) {
            parts.add(headerMessage);
        }
        if (body != null && body.length > 0) {
            JsonNode data = null;
            try {
                data = Json.MAPPER.readTree(body);
            } catch (java.io.IOException e) {
                String ct = headers.firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
                if (!ct.contains("html")) {
                    parts.add(new String(body, 0, Math.min(body.length, 2000), StandardCharsets.UTF_8));
                }
            }
            if (data != null && data.isObject()) {
                JsonNode error = data.get("error");
                JsonNode description = data.get("error_description");
                if (error != null && !error.isNull()) {
                    if (error.isArray()) {
                        error.forEach(e -> parts.add(e.asText()));
                    } else if (description != null && !description.isNull()) {
                        parts.add(error.asText() + ": " + description.asText());
                    } else {
                        parts.add(error.asText());
                    }
                } else if (description != null && !description.isNull()) {
                    parts.add(description.asText());
                }
                JsonNode errors = data.get("errors");
                if (errors != null && errors.isArray()) {
                    for (JsonNode e : errors) {
                        if (e.has("message")) {
                            parts.add(e.get("message").asText());
                        }
                    }
                }
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String p : parts) {
            String s = p.strip().replaceAll("\\s*\\R\\s*", " ");
            if (!s.isEmpty()) {
                seen.add(s);
            }
        }
        return seen.isEmpty() ? null : String.join("; ", seen);
    }

    private static String line(String what, String server, String requestId) {
        StringBuilder b = new StringBuilder(what);
        if (server != null) {
            b.append(": ").append(server);
        }
        if (requestId != null) {
            b.append(" (Request ID: ").append(requestId).append(')');
        }
        return b.toString();
    }
}
