package dev.skiff.hub.repo;

/**
 * A file of a repository at a commit, as repo info lists it in {@code siblings}: {@code rfilename}, and with
 * {@code blobs=true} also its size, git blob id and, for LFS files, {@code lfs {size, sha256, pointerSize}}.
 *
 * @param size   null unless blob details were asked for
 * @param blobId null unless blob details were asked for
 * @param lfs    null for a regular file or without blob details
 */
public record Sibling(String rfilename, Long size, String blobId, Lfs lfs) {

    /** An LFS file's content size and sha256, and the size of its pointer blob. */
    public record Lfs(long size, String sha256, long pointerSize) {
    }
}
