package dev.skiff.format.json;

import java.io.IOException;

/** The bytes are not JSON that Python's {@code json.loads} would accept, or exceed a parsing bound. */
public final class JsonSyntaxException extends IOException {
    public JsonSyntaxException(String message) {
        super(message);
    }
}
