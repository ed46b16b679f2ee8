package dev.skiff.client.errors;

/**
 * The file (or snapshot) is not in the local cache and the hub could not or may not be asked: offline mode
 * ({@code HF_HUB_OFFLINE=1}, {@code localFilesOnly}), a network failure or a hub that does not answer like a hub
 * ({@code LocalEntryNotFoundError}). The cause, when there is one, is what stopped the hub from being asked.
 */
public class LocalEntryNotFoundException extends HubException {
    public LocalEntryNotFoundException(String message) {
        super(message);
    }

    public LocalEntryNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
