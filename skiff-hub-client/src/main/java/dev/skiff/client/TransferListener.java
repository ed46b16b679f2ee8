package dev.skiff.client;

/**
 * Hears how transfers advance, to draw progress bars: downloads and uploads report each file (or LFS part) they move.
 * Called from the transferring threads, possibly several at once: implementations must be thread-safe.
 */
public interface TransferListener {
    /** A transfer of {@code totalBytes} (-1 when unknown) named {@code name} begins. */
    void started(String name, long totalBytes);

    /** {@code bytes} more bytes of {@code name} moved. */
    void advanced(String name, long bytes);

    /** {@code name} is done (successfully or not). */
    void finished(String name);

    /** Hears nothing. */
    TransferListener NONE = new TransferListener() {
        @Override
        public void started(String name, long totalBytes) {
        }

        @Override
        public void advanced(String name, long bytes) {
        }

        @Override
        public void finished(String name) {
        }
    };
}
