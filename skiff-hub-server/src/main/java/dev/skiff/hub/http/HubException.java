package dev.skiff.hub.http;

import java.util.Map;

/**
 * An HTTP error in the Hub's shape: status, {@code X-Error-Code} (when the client maps it to a typed
 * exception), {@code X-Error-Message}, a JSON {@code {"error": ...}} body plus any extra fields and headers.
 */
public final class HubException extends RuntimeException {
    private final int status;
    private final String code;
    private final Map<String, Object> extraBody;
    private final Map<String, String> extraHeaders;

    public HubException(int status, String code, String message, Map<String, Object> extraBody, Map<String, String> extraHeaders) {
        super(message);
        this.status = status;
        this.code = code;
        this.extraBody = extraBody == null ? Map.of() : Map.copyOf(extraBody);
        this.extraHeaders = extraHeaders == null ? Map.of() : Map.copyOf(extraHeaders);
    }

    public HubException(int status, String code, String message) {
        this(status, code, message, null, null);
    }

    public static HubException badRequest(String message) {
        return new HubException(400, null, message);
    }

    public static HubException unauthorized(String message) {
        return new HubException(401, null, message);
    }

    public static HubException forbidden(String message) {
        return new HubException(403, null, message);
    }

    public static HubException notFound(String message) {
        return new HubException(404, null, message);
    }

    /** Unknown or hidden repository: 401 for anonymous callers, 404 for authenticated ones, as the Hub does. */
    public static HubException repoNotFound(String repo, boolean authenticated) {
        return new HubException(authenticated ? 404 : 401, "RepoNotFound", "Repository Not Found for url: " + repo
                + ". Please make sure you specified the correct `repo_id` and `repo_type`. If you are trying to access a"
                + " private or gated repo, make sure you are authenticated.");
    }

    public static HubException revisionNotFound(String rev) {
        return new HubException(404, "RevisionNotFound", "Invalid rev id: " + rev);
    }

    public static HubException entryNotFound(String message, String commit) {
        return new HubException(404, "EntryNotFound", message, null,
                commit == null ? null : Map.of("X-Repo-Commit", commit));
    }

    public static HubException conflict(String message, Map<String, Object> extraBody) {
        return new HubException(409, null, message, extraBody, null);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> extraBody() {
        return extraBody;
    }

    public Map<String, String> extraHeaders() {
        return extraHeaders;
    }
}
