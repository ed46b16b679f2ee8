package dev.skiff.client.errors;

/**
 * The hub answered with an error status ({@code HfHubHTTPError} in Python). Carries the status, the hub's own message
 * (from {@code X-Error-Message} and the JSON {@code error}/{@code errors} fields), its {@code X-Error-Code} and the
 * request id, so that an operator can find the request in the server's log.
 */
public class HubHttpException extends HubException {
    private final int status;
    private final String serverMessage;
    private final String errorCode;
    private final String requestId;
    private final String url;

    public HubHttpException(String message, int status, String serverMessage, String errorCode, String requestId, String url) {
        super(message);
        this.status = status;
        this.serverMessage = serverMessage;
        this.errorCode = errorCode;
        this.requestId = requestId;
        this.url = url;
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** What the hub said about the error (deduplicated lines joined by "; "), or null if it said nothing. */
    public String serverMessage() {
        return serverMessage;
    }

    /** The {@code X-Error-Code} header ({@code RepoNotFound}, {@code EntryNotFound}, ...), or null. */
    public String errorCode() {
        return errorCode;
    }

    /** The request id from {@code X-Request-Id}, {@code X-Amzn-Trace-Id} or {@code X-Amz-Cf-Id}, or null. */
    public String requestId() {
        return requestId;
    }

    /** The URL that failed. */
    public String url() {
        return url;
    }
}
