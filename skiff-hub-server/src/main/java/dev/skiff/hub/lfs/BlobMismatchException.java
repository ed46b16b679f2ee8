package dev.skiff.hub.lfs;

import java.io.IOException;

/** Uploaded bytes that do not match the object they claim to be (sha256 or size), or an incomplete multipart upload. */
public final class BlobMismatchException extends IOException {
    public BlobMismatchException(String message) {
        super(message);
    }
}
