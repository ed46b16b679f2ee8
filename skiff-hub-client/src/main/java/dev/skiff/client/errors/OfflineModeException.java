package dev.skiff.client.errors;

/**
 * A call needed the network while offline mode is on ({@code HF_HUB_OFFLINE=1} or the builder's {@code offline(true)};
 * {@code OfflineModeIsEnabled} in Python). Downloads catch it and fall back to the cache.
 */
public class OfflineModeException extends HubException {
    public OfflineModeException(String message) {
        super(message);
    }
}
