package dev.skiff.client.errors;

/** The branch, tag or commit does not exist in the repository ({@code RevisionNotFoundError}). */
public class RevisionNotFoundException extends HubHttpException {
    public RevisionNotFoundException(String message, int status, String serverMessage, String errorCode, String requestId, String url) {
        super(message, status, serverMessage, errorCode, requestId, url);
    }
}
