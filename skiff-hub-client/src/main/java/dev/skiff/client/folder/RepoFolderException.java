package dev.skiff.client.folder;

import java.io.IOException;

/**
 * A repo folder cannot be made, read or pushed: the target is not empty, {@code config.json} is missing or malformed,
 * the data sample does not fit the model, the model is a pickle. The message says what to change.
 */
public class RepoFolderException extends IOException {
    public RepoFolderException(String message) {
        super(message);
    }

    public RepoFolderException(String message, Throwable cause) {
        super(message, cause);
    }
}
