package dev.skiff.hub.git;

import dev.skiff.hub.lfs.LfsPointer;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;

/**
 * A file or directory of a tree at a commit.
 *
 * @param path      repo path, no leading slash
 * @param directory true for a tree
 * @param id        the git object id: blob (of the pointer, for LFS files) or tree
 * @param blobSize  size of the git blob (the pointer's size for LFS files); 0 for directories
 * @param lfs       the LFS pointer when the blob is one, else null
 * @param mode      git file mode
 */
public record FileEntry(String path, boolean directory, ObjectId id, long blobSize, LfsPointer lfs, FileMode mode) {

    /** The content size: the LFS object's for LFS files, the blob's for regular ones, 0 for directories. */
    public long size() {
        return directory ? 0 : lfs != null ? lfs.size() : blobSize;
    }

    public String oid() {
        return id.name();
    }

    /** The download ETag: sha256 for LFS files, git blob id otherwise. */
    public String etag() {
        return lfs != null ? lfs.oid() : id.name();
    }
}
