package dev.skiff.client.errors;

/** The repository is gated and the caller has no access ({@code GatedRepoError}; like Python, a kind of repository-not-found). */
public class GatedRepoException extends RepositoryNotFoundException {
    public GatedRepoException(String message, int status, String serverMessage, String errorCode, String requestId, String url) {
        super(message, status, serverMessage, errorCode, requestId, url);
    }
}
