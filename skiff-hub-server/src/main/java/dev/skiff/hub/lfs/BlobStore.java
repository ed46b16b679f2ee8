package dev.skiff.hub.lfs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * LFS objects by SHA-256. Objects are written whole and verified before they become visible; a reader never sees
 * a partial object. Objects are shared between repositories, but a repository ("scope", its storage id) may only
 * reference objects linked to it, i.e. whose content was uploaded through it: knowing a hash is not enough.
 * <p>
 * Uploads and downloads are described as hrefs a client may use directly ({@link #uploadAction},
 * {@link #downloadAction}): the embedded store hands out signed URLs served by the hub itself, an object-storage
 * store can hand out presigned URLs of the bucket.
 */
public interface BlobStore {

    /** An href with the headers to send and its lifetime. */
    record Action(String href, Map<String, String> header, long expiresInSeconds) {
    }

    /** One uploaded part of a multipart upload: its number (from 1) and the ETag its PUT answered. */
    record Part(int partNumber, String etag) {
    }

    /** The object's size in bytes, or -1 if the store does not have it. */
    long size(String oid);

    /** Opens a stored object for reading. */
    FileChannel open(String oid) throws IOException;

    /** Where a client may GET the object without the hub (a presigned URL), or null when the hub serves it. */
    default String directDownloadUrl(String oid, Duration ttl) {
        return null;
    }

    /**
     * Stores the bytes of {@code in} as object {@code oid}: written to a temp file, checked against the sha256 (and
     * {@code size} when not negative), then renamed into place. An object already present is re-verified from the
     * stream and left as it is.
     *
     * @throws BlobMismatchException if the bytes do not hash to {@code oid} or have the wrong size
     */
    void put(String oid, long size, InputStream in) throws IOException;

    /** A new empty temp file on the store's file system, for staging content that {@link #importFile} will take. */
    Path newTempFile() throws IOException;

    /** Moves a staged file whose sha256 ({@code oid}) and size the caller has computed into the store. */
    void importFile(Path staged, String oid, long size) throws IOException;

    /** Stores part {@code partNumber} of a multipart upload of {@code oid}; returns its ETag (quoted). */
    String putPart(String oid, int partNumber, InputStream in) throws IOException;

    /**
     * Joins the uploaded parts (which must be 1..n, with the ETags their PUTs answered) into object {@code oid},
     * verified like {@link #put}, and removes the parts.
     */
    void completeMultipart(String oid, long size, List<Part> parts) throws IOException;

    /** Lets repository {@code scope} reference object {@code oid}. */
    void link(String scope, String oid) throws IOException;

    /** True if the object is stored and linked to {@code scope}. */
    boolean isLinked(String scope, String oid);

    /** Forgets a deleted repository's links (objects are removed by a later collection, not here). */
    void dropScope(String scope);

    /**
     * How a client uploads object {@code oid} of {@code size} bytes for {@code scope}: a single PUT href, or, when
     * {@code multipartAllowed} and the object is large, a completion href whose header holds {@code chunk_size} and
     * one part href per numbered key, as the Hugging Face multipart transfer expects.
     */
    Action uploadAction(String scope, String oid, long size, boolean multipartAllowed);

    /** An href from which a client may GET the object (git-lfs downloads). */
    Action downloadAction(String scope, String oid, long size);

    /**
     * Checks the signature of an href this store handed out and the hub serves. {@code purpose} is {@code upload},
     * {@code part}, {@code complete} or {@code download}.
     */
    boolean verifyHref(String purpose, String scope, String oid, long size, long expires, int part, String sig);

    /** The git blob id (SHA-1 of {@code "blob <size>\0" + content}) of the object's content, computed once. */
    String gitBlobId(String oid) throws IOException;
}
