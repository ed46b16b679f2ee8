package dev.skiff.hub.git;

import dev.skiff.hub.lfs.LfsPointer;

import java.nio.file.Path;

/** One operation of a commit, applied in order. */
public sealed interface Change {
    String path();

    /** Adds or replaces a file with content staged on disk; {@code sha256} is its content hash (for LFS storage). */
    record AddFile(String path, Path file, long size, String sha256) implements Change {
    }

    /** Adds or replaces a small file from memory. */
    record AddBytes(String path, byte[] data) implements Change {
    }

    /** Adds or replaces an LFS file whose object is stored; git gets the pointer. */
    record AddLfs(String path, LfsPointer pointer) implements Change {
    }

    /** Deletes a file, which must exist. */
    record Delete(String path) implements Change {
    }

    /** Deletes everything under a folder, which must exist. */
    record DeleteFolder(String path) implements Change {
    }
}
