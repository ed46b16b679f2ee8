package dev.skiff.client.errors;

/**
 * Every error the Hub client raises. Unchecked, so that lazy listings ({@code Stream}s) can raise it too; the
 * subclasses tell what went wrong, as {@code huggingface_hub.errors} does in Python.
 */
public class HubException extends RuntimeException {
    public HubException(String message) {
        super(message);
    }

    public HubException(String message, Throwable cause) {
        super(message, cause);
    }
}
