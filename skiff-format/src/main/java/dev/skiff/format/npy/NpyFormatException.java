package dev.skiff.format.npy;

import java.io.IOException;

/** Thrown for any malformed {@code .npy}/{@code .npz} input. The message names the problem precisely. */
public final class NpyFormatException extends IOException {

    public NpyFormatException(String msg) {
        super(msg);
    }

    public NpyFormatException(String msg, Throwable cause) {
        super(msg, cause);
    }
}
