package dev.skiff.client.errors;

/** The hub refused the request as malformed: status 400 ({@code BadRequestError}). */
public class BadRequestException extends HubHttpException {
    public BadRequestException(String message, int status, String serverMessage, String errorCode, String requestId, String url) {
        super(message, status, serverMessage, errorCode, requestId, url);
    }
}
