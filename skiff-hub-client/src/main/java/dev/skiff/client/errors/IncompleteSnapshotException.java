package dev.skiff.client.errors;

import java.nio.file.Path;
import java.util.List;

/**
 * A cached snapshot folder exists but misses files its cached tree listing names, and the hub cannot be asked for them
 * ({@code IncompleteSnapshotError}).
 */
public class IncompleteSnapshotException extends LocalEntryNotFoundException {
    private final Path snapshot;
    private final List<String> missing;

    public IncompleteSnapshotException(String message, Path snapshot, List<String> missing, Throwable cause) {
        super(message, cause);
        this.snapshot = snapshot;
        this.missing = List.copyOf(missing);
    }

    /** The incomplete snapshot folder. */
    public Path snapshot() {
        return snapshot;
    }

    /** Repo paths that the listing names but the folder lacks. */
    public List<String> missing() {
        return missing;
    }
}
