package dev.skiff.client.errors;

/** The file or folder does not exist at that revision ({@code RemoteEntryNotFoundError}). */
public class EntryNotFoundException extends HubHttpException {
    public EntryNotFoundException(String message, int status, String serverMessage, String errorCode, String requestId, String url) {
        super(message, status, serverMessage, errorCode, requestId, url);
    }
}
