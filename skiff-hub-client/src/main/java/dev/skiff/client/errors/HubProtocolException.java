package dev.skiff.client.errors;

/**
 * The hub answered, but not as a Hugging Face Hub does: a missing {@code X-Repo-Commit} or {@code ETag}, malformed
 * JSON, a body shorter or longer than announced, content whose SHA-256 is not the one announced.
 */
public class HubProtocolException extends HubException {
    public HubProtocolException(String message) {
        super(message);
    }

    public HubProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
