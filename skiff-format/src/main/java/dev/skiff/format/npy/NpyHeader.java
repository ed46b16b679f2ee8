package dev.skiff.format.npy;

import java.util.Arrays;
import java.util.Objects;

/**
 * The decoded header of a {@code .npy} file: what the data bytes that follow it mean.
 *
 * @param dtype        element type
 * @param shape        dimensions (non-negative; empty for a 0-d array)
 * @param fortranOrder whether the data is stored in column-major order
 */
public record NpyHeader(DType dtype, long[] shape, boolean fortranOrder) {

    /** numpy's {@code NPY_MAXDIMS}. */
    public static final int MAX_DIMS = 64;

    public NpyHeader {
        Objects.requireNonNull(dtype, "dtype");
        shape = shape.clone();
        if (shape.length > MAX_DIMS) {
            throw new IllegalArgumentException("more than " + MAX_DIMS + " dimensions: " + shape.length);
        }
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + PyRepr.tuple(shape));
            }
        }
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** The product of the shape, or -1 if it does not fit in a {@code long}. */
    public long elementCount() {
        long n = 1;
        for (long d : shape) {
            if (d != 0 && n > Long.MAX_VALUE / d) {
                return -1;
            }
            n *= d;
        }
        return n;
    }

    /** Element count times item size, or -1 if that does not fit in a {@code long}. */
    public long dataBytes() {
        long n = elementCount();
        int item = dtype.itemSize();
        if (n < 0 || (item != 0 && n > Long.MAX_VALUE / item)) {
            return -1;
        }
        return n * item;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyHeader h && dtype.equals(h.dtype) && Arrays.equals(shape, h.shape)
                && fortranOrder == h.fortranOrder;
    }

    @Override
    public int hashCode() {
        return Objects.hash(dtype, Arrays.hashCode(shape), fortranOrder);
    }

    @Override
    public String toString() {
        return "{'descr': " + dtype.descrLiteral() + ", 'fortran_order': " + (fortranOrder ? "True" : "False")
                + ", 'shape': " + PyRepr.tuple(shape) + ", }";
    }
}
