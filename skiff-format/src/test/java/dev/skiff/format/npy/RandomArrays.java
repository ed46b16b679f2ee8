package dev.skiff.format.npy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random arrays for round-trip and oracle tests: numeric, string and small structured dtypes. */
final class RandomArrays {

    static final String[] NUMERIC = {"b1", "i1", "u1", "i2", "u2", "i4", "u4", "i8", "u8", "f2", "f4", "f8",
        "c8", "c16", "M8[ns]", "m8[s]"};

    private RandomArrays() {
    }

    static DType.Scalar numeric(Random r) {
        return DType.parse((r.nextBoolean() ? "<" : ">") + NUMERIC[r.nextInt(NUMERIC.length)]);
    }

    static DType dtype(Random r) {
        int pick = r.nextInt(10);
        if (pick < 7) {
            return numeric(r);
        }
        if (pick == 7) {
            return DType.parse((r.nextBoolean() ? "<U" : ">U") + (1 + r.nextInt(4)));
        }
        if (pick == 8) {
            return DType.parse("|S" + (1 + r.nextInt(4)));
        }
        List<DType.Field> fields = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            long[] sub = r.nextInt(4) == 0 ? new long[] {1 + r.nextInt(3)} : new long[0];
            fields.add(DType.Field.of("f_" + i, numeric(r), sub));
            if (r.nextInt(3) == 0) {
                fields.add(DType.Field.padding(1 + r.nextInt(7)));
            }
        }
        return new DType.Structured(fields);
    }

    static long[] shape(Random r) {
        long[] shape = new long[r.nextInt(4)];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = r.nextInt(5);
        }
        return shape;
    }

    static NpyArray array(Random r) {
        DType dtype = dtype(r);
        long[] shape = shape(r);
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        byte[] data = new byte[(int) (n * dtype.itemSize())];
        r.nextBytes(data);
        return new NpyArray(dtype, shape, r.nextBoolean(), data);
    }
}
