package dev.skiff.client.errors;

/**
 * The hub could not be reached, or a transfer kept failing after the retries (connection refused or reset, timeouts).
 * The cause is the last {@link java.io.IOException}.
 */
public class HubConnectionException extends HubException {
    public HubConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
