/**
 * Git LFS objects: a content-addressed {@link dev.skiff.hub.lfs.BlobStore} keyed by SHA-256 (the embedded
 * {@link dev.skiff.hub.lfs.LocalBlobStore} writes to a temp file, verifies the hash, then renames atomically), the
 * pointer format git stores in place of the content ({@link dev.skiff.hub.lfs.LfsPointer}), and self-authorising
 * upload/download hrefs signed with a per-data-dir key ({@link dev.skiff.hub.lfs.HrefSigner}). The store hands out
 * URLs a client may PUT/GET directly, so an object-storage implementation can return presigned URLs instead.
 */
package dev.skiff.hub.lfs;
