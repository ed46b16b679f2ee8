package dev.skiff.format;

import dev.skiff.format.npy.NpyLimits;

/**
 * Bounds on the work and memory a read may spend, checked before anything is allocated.
 * The defaults read every real model and refuse hostile files with a clear message.
 *
 * @param maxMembers        zip entries in the archive
 * @param maxSchemaBytes    uncompressed size of {@code schema.json}
 * @param maxMemberBytes    uncompressed size of any other single member
 * @param maxTotalBytes     uncompressed bytes read from all members together
 * @param maxDepth          nesting depth of nodes (Python itself stops near 1000 frames)
 * @param maxNodes          nodes in the tree, shared nodes counted once
 * @param maxArrayElements  elements in one array
 * @param maxNpyHeaderBytes header length of one {@code .npy} member
 */
public record ReadLimits(int maxMembers, long maxSchemaBytes, long maxMemberBytes, long maxTotalBytes,
                         int maxDepth, int maxNodes, long maxArrayElements, int maxNpyHeaderBytes) {

    public static final ReadLimits DEFAULT = new ReadLimits(
            200_000, 256L << 20, Integer.MAX_VALUE - 8, 16L << 30, 400, 5_000_000, Integer.MAX_VALUE - 8, 1 << 20);

    public ReadLimits {
        if (maxMembers <= 0 || maxSchemaBytes <= 0 || maxMemberBytes <= 0 || maxTotalBytes <= 0
                || maxDepth <= 0 || maxNodes <= 0 || maxArrayElements <= 0 || maxNpyHeaderBytes <= 0) {
            throw new IllegalArgumentException("read limits must be positive");
        }
    }

    /** The limits the {@code .npy} codec applies to one member of at most {@code memberBytes}. */
    public NpyLimits npyLimits(long memberBytes) {
        return new NpyLimits(maxNpyHeaderBytes, maxArrayElements, Math.min(memberBytes, maxMemberBytes));
    }

    public ReadLimits withMaxDepth(int depth) {
        return new ReadLimits(maxMembers, maxSchemaBytes, maxMemberBytes, maxTotalBytes, depth, maxNodes,
                maxArrayElements, maxNpyHeaderBytes);
    }

    public ReadLimits withMaxTotalBytes(long bytes) {
        return new ReadLimits(maxMembers, maxSchemaBytes, Math.min(maxMemberBytes, bytes), bytes, maxDepth, maxNodes,
                maxArrayElements, maxNpyHeaderBytes);
    }
}
