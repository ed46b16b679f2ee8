package dev.skiff.format.npy;

/** Shape arithmetic and the mapping between C (row-major) order and Fortran (column-major) storage. */
final class Layout {

    private Layout() {
    }

    /** Product of the shape; {@link IllegalArgumentException} on negative dimensions or overflow. */
    static long count(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + PyRepr.tuple(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /**
     * Whether C and Fortran order lay the data out identically: numpy then calls the array both C- and
     * F-contiguous and {@code np.save} writes {@code 'fortran_order': False}.
     */
    static boolean orderIrrelevant(long[] shape) {
        int nonUnit = 0;
        for (long d : shape) {
            if (d == 0) {
                return true;
            }
            if (d != 1) {
                nonUnit++;
            }
        }
        return nonUnit <= 1;
    }

    /** For each element in C order, its index in Fortran-order storage. */
    static int[] fortranIndicesInCOrder(long[] shape) {
        int n = Math.toIntExact(count(shape));
        int[] out = new int[n];
        if (n == 0) {
            return out;
        }
        int nd = shape.length;
        long[] stride = new long[nd];
        long s = 1;
        for (int j = 0; j < nd; j++) {
            stride[j] = s;
            s *= shape[j];
        }
        long[] idx = new long[nd];
        long f = 0;
        for (int k = 0; k < n; k++) {
            out[k] = (int) f;
            for (int j = nd - 1; j >= 0; j--) {
                if (++idx[j] < shape[j]) {
                    f += stride[j];
                    break;
                }
                f -= stride[j] * (idx[j] - 1);
                idx[j] = 0;
            }
        }
        return out;
    }
}
