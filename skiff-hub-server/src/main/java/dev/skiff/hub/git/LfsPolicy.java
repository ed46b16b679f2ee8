package dev.skiff.hub.git;

import dev.skiff.hub.lfs.LfsPointer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Decides, at commit time, which regular uploads are stored in LFS instead of git (large files and paths that
 * {@code .gitattributes} tracks with LFS), and stores them.
 */
public interface LfsPolicy {
    /** True if a file of {@code size} bytes at {@code path} goes to LFS; {@code tracked} says .gitattributes asks for it. */
    boolean toLfs(String path, long size, boolean tracked);

    /** Moves the staged content (sha256 {@code oid}) into the LFS store for this repository and returns its pointer. */
    LfsPointer store(Path file, String oid, long size) throws IOException;

    /** True if this repository may reference LFS object {@code oid}. */
    boolean has(String oid);
}
