package dev.skiff.format.npy;

/**
 * Limits applied while decoding; all are checked before anything is allocated.
 *
 * @param maxHeaderBytes largest header length field accepted (numpy's own default is 10000 characters)
 * @param maxElements    largest element count (product of the shape) accepted
 * @param maxDataBytes   largest data size accepted; for {@code .npz} the budget for all members together
 */
public record NpyLimits(int maxHeaderBytes, long maxElements, long maxDataBytes) {

    /** 1 MiB headers, and as many elements and bytes as one Java array can hold. */
    public static final NpyLimits DEFAULT = new NpyLimits(1 << 20, Integer.MAX_VALUE - 8, Integer.MAX_VALUE - 8);

    /** The largest data size any reader will accept whatever the limits say: one Java byte array. */
    static final long HARD_MAX_DATA_BYTES = Integer.MAX_VALUE - 8;

    public NpyLimits {
        if (maxHeaderBytes < 0 || maxElements < 0 || maxDataBytes < 0) {
            throw new IllegalArgumentException("limits must not be negative: " + maxHeaderBytes + ", "
                    + maxElements + ", " + maxDataBytes);
        }
    }

    /** The same limits with another data budget. */
    public NpyLimits withMaxDataBytes(long bytes) {
        return new NpyLimits(maxHeaderBytes, maxElements, bytes);
    }
}
