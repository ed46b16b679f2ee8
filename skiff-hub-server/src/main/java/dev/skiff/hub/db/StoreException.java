package dev.skiff.hub.db;

/** A store failed (database, disk); the hub answers 500 with this message. */
public final class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
