package dev.skiff.client.errors;

/** The repository does not exist, or is private and the token may not read it ({@code RepositoryNotFoundError}). */
public class RepositoryNotFoundException extends HubHttpException {
    public RepositoryNotFoundException(String message, int status, String serverMessage, String errorCode, String requestId, String url) {
        super(message, status, serverMessage, errorCode, requestId, url);
    }
}
