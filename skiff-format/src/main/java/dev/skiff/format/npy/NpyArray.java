package dev.skiff.format.npy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable n-d array: dtype, shape, storage order and the raw data bytes exactly as stored in a
 * {@code .npy} file. Element accessors take a flat index in <em>storage</em> order (C order unless
 * {@link #fortranOrder()}); the {@code to*Array} methods always return C (row-major) order.
 */
public final class NpyArray {

    private final DType dtype;
    private final long[] shape;
    private final boolean fortranOrder;
    private final byte[] data;
    private final long size;
    private final ByteBuffer view;

    /**
     * @param fortranOrder whether {@code data} is in column-major order; ignored (normalised to false) when
     *                     both orders coincide, i.e. when at most one dimension exceeds 1 or the array is empty,
     *                     because numpy then writes {@code 'fortran_order': False}
     * @param data         exactly {@code product(shape) * dtype.itemSize()} bytes; copied
     * @throws IllegalArgumentException on a negative dimension, more than 64 dimensions, more than
     *                                  {@code Integer.MAX_VALUE - 8} elements, or a data length mismatch
     */
    public NpyArray(DType dtype, long[] shape, boolean fortranOrder, byte[] data) {
        this(dtype, shape.clone(), data.clone(), fortranOrder);
    }

    /** Takes ownership of {@code shape} and {@code data}. */
    private NpyArray(DType dtype, long[] shape, byte[] data, boolean fortranOrder) {
        this.dtype = Objects.requireNonNull(dtype, "dtype");
        this.shape = shape;
        this.data = data;
        if (shape.length > NpyHeader.MAX_DIMS) {
            throw new IllegalArgumentException("more than " + NpyHeader.MAX_DIMS + " dimensions");
        }
        long n;
        try {
            n = Layout.count(shape);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("shape " + PyRepr.tuple(shape) + " is too large", e);
        }
        if (n > NpyLimits.HARD_MAX_DATA_BYTES) {
            throw new IllegalArgumentException("shape " + PyRepr.tuple(shape) + " has more than "
                    + NpyLimits.HARD_MAX_DATA_BYTES + " elements");
        }
        this.size = n;
        if (n * dtype.itemSize() != data.length) {
            throw new IllegalArgumentException("data has " + data.length + " bytes but shape "
                    + PyRepr.tuple(shape) + " of " + dtype.descrLiteral() + " needs " + n * dtype.itemSize());
        }
        this.fortranOrder = fortranOrder && !Layout.orderIrrelevant(shape);
        ByteOrder order = dtype instanceof DType.Scalar s ? s.javaByteOrder() : ByteOrder.LITTLE_ENDIAN;
        this.view = ByteBuffer.wrap(data).asReadOnlyBuffer().order(order);
    }

    /** Takes ownership of {@code data} without copying. */
    static NpyArray wrap(DType dtype, long[] shape, boolean fortranOrder, byte[] data) {
        return new NpyArray(dtype, shape.clone(), data, fortranOrder);
    }

    /** A zero-filled array in C order. */
    public static NpyArray zeros(DType dtype, long... shape) {
        return wrap(dtype, shape, false, new byte[Math.toIntExact(Math.multiplyExact(Layout.count(shape),
                (long) dtype.itemSize()))]);
    }

    // ---- factories (all C order, little-endian) ----

    /** {@code <f8}. */
    public static NpyArray ofDoubles(long[] shape, double... values) {
        ByteBuffer b = buffer(shape, values.length, 8);
        for (double v : values) {
            b.putDouble(v);
        }
        return wrap(DType.FLOAT64, shape, false, b.array());
    }

    /** {@code <f4}. */
    public static NpyArray ofFloats(long[] shape, float... values) {
        ByteBuffer b = buffer(shape, values.length, 4);
        for (float v : values) {
            b.putFloat(v);
        }
        return wrap(DType.FLOAT32, shape, false, b.array());
    }

    /** {@code <i8}. */
    public static NpyArray ofLongs(long[] shape, long... values) {
        ByteBuffer b = buffer(shape, values.length, 8);
        for (long v : values) {
            b.putLong(v);
        }
        return wrap(DType.INT64, shape, false, b.array());
    }

    /** {@code <i4}. */
    public static NpyArray ofInts(long[] shape, int... values) {
        ByteBuffer b = buffer(shape, values.length, 4);
        for (int v : values) {
            b.putInt(v);
        }
        return wrap(DType.INT32, shape, false, b.array());
    }

    /** {@code |u1}. */
    public static NpyArray ofUnsignedBytes(long[] shape, byte... values) {
        checkCount(shape, values.length);
        return wrap(DType.UINT8, shape, false, values.clone());
    }

    /** {@code |b1}. */
    public static NpyArray ofBooleans(long[] shape, boolean... values) {
        ByteBuffer b = buffer(shape, values.length, 1);
        for (boolean v : values) {
            b.put((byte) (v ? 1 : 0));
        }
        return wrap(DType.BOOL, shape, false, b.array());
    }

    /** {@code <U{n}} with n the longest string's code point count, at least 1 (as {@code np.array(strs)}). */
    public static NpyArray ofStrings(long[] shape, String... values) {
        for (String v : values) {
            Objects.requireNonNull(v, "string element");
        }
        checkCount(shape, values.length);
        int chars = Elements.maxCodePoints(values);
        return wrap(DType.Scalar.unicode(chars), shape, false, Elements.encodeUnicode(values, chars));
    }

    /** {@code |S{n}} with n the longest value's length, at least 1 (as {@code np.array(list_of_bytes)}). */
    public static NpyArray ofByteStrings(long[] shape, byte[]... values) {
        checkCount(shape, values.length);
        int n = 1;
        for (byte[] v : values) {
            n = Math.max(n, v.length);
        }
        byte[] data = new byte[Math.multiplyExact(values.length, n)];
        for (int i = 0; i < values.length; i++) {
            System.arraycopy(values[i], 0, data, i * n, values[i].length);
        }
        return wrap(DType.Scalar.bytes(n), shape, false, data);
    }

    /** A 0-d {@code <f8} array. */
    public static NpyArray scalar(double value) {
        return ofDoubles(new long[0], value);
    }

    /** A 0-d {@code <i8} array. */
    public static NpyArray scalar(long value) {
        return ofLongs(new long[0], value);
    }

    /** A 0-d {@code |b1} array. */
    public static NpyArray scalar(boolean value) {
        return ofBooleans(new long[0], value);
    }

    /** A 0-d {@code <U{n}} array. */
    public static NpyArray scalar(String value) {
        return ofStrings(new long[0], value);
    }

    private static ByteBuffer buffer(long[] shape, int count, int itemSize) {
        checkCount(shape, count);
        return ByteBuffer.allocate(Math.multiplyExact(count, itemSize)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void checkCount(long[] shape, int count) {
        long n = Layout.count(shape);
        if (n != count) {
            throw new IllegalArgumentException(count + " values do not fill shape " + PyRepr.tuple(shape)
                    + " (" + n + " elements)");
        }
    }

    // ---- metadata ----

    public DType dtype() {
        return dtype;
    }

    public long[] shape() {
        return shape.clone();
    }

    public int ndim() {
        return shape.length;
    }

    /** Number of elements. */
    public long size() {
        return size;
    }

    /** Whether the data is stored column-major (never true when C and Fortran layouts coincide). */
    public boolean fortranOrder() {
        return fortranOrder;
    }

    /** The header numpy would write for this array. */
    public NpyHeader header() {
        return new NpyHeader(dtype, shape, fortranOrder);
    }

    /** A copy of the data bytes as stored. */
    public byte[] rawData() {
        return data.clone();
    }

    /** A read-only view of the data with the dtype's byte order set (little-endian for structured dtypes). */
    public ByteBuffer data() {
        return view.duplicate().order(view.order());
    }

    int dataLength() {
        return data.length;
    }

    void copyDataTo(byte[] dst, int offset) {
        System.arraycopy(data, 0, dst, offset, data.length);
    }

    void writeDataTo(java.io.OutputStream out) throws java.io.IOException {
        out.write(data);
    }

    // ---- element access, flat index in storage order ----

    /** Kinds {@code b i u f} ({@code f2 f4 f8}). */
    public double getDouble(long i) {
        DType.Scalar s = scalarDType("getDouble");
        int off = offset(i);
        return switch (s.kind()) {
            case 'b' -> data[off] != 0 ? 1.0 : 0.0;
            case 'i' -> Elements.signed(view, off, s.itemSize());
            case 'u' -> Elements.unsignedToDouble(Elements.unsigned(view, off, s.itemSize()));
            case 'f' -> Elements.floating(view, off, s.itemSize());
            default -> throw notFor("getDouble");
        };
    }

    /**
     * Kinds {@code b i u}, and {@code M m} (the raw int64 count).
     *
     * @throws ArithmeticException for a {@code u8} value above {@link Long#MAX_VALUE}
     */
    public long getLong(long i) {
        DType.Scalar s = scalarDType("getLong");
        int off = offset(i);
        return switch (s.kind()) {
            case 'b' -> data[off] != 0 ? 1 : 0;
            case 'i', 'M', 'm' -> Elements.signed(view, off, s.itemSize());
            case 'u' -> {
                long v = Elements.unsigned(view, off, s.itemSize());
                if (v < 0) {
                    throw new ArithmeticException("uint64 value " + Long.toUnsignedString(v) + " at index " + i
                            + " does not fit in a long");
                }
                yield v;
            }
            default -> throw notFor("getLong");
        };
    }

    /** Kind {@code b}: any non-zero byte is true, as in numpy. */
    public boolean getBoolean(long i) {
        DType.Scalar s = scalarDType("getBoolean");
        if (s.kind() != 'b') {
            throw notFor("getBoolean");
        }
        return data[offset(i)] != 0;
    }

    /** Kinds {@code U} (UTF-32) and {@code S} (bytes as Latin-1), trailing NULs stripped. */
    public String getString(long i) {
        DType.Scalar s = scalarDType("getString");
        int off = offset(i);
        return switch (s.kind()) {
            case 'U' -> Elements.unicode(view, off, s.itemSize(), i);
            case 'S' -> Elements.bytes(data, off, s.itemSize());
            default -> throw notFor("getString");
        };
    }

    /** A copy of the raw bytes of one element, for any dtype. */
    public byte[] getElementBytes(long i) {
        int off = offset(i);
        return Arrays.copyOfRange(data, off, off + dtype.itemSize());
    }

    // ---- whole-array conversion, always C order ----

    public double[] toDoubleArray() {
        int[] order = storageOrder();
        double[] out = new double[order.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = getDouble(order[k]);
        }
        return out;
    }

    public long[] toLongArray() {
        int[] order = storageOrder();
        long[] out = new long[order.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = getLong(order[k]);
        }
        return out;
    }

    /** @throws ArithmeticException if a value does not fit in an int */
    public int[] toIntArray() {
        int[] order = storageOrder();
        int[] out = new int[order.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = Math.toIntExact(getLong(order[k]));
        }
        return out;
    }

    public boolean[] toBooleanArray() {
        int[] order = storageOrder();
        boolean[] out = new boolean[order.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = getBoolean(order[k]);
        }
        return out;
    }

    public String[] toStringArray() {
        int[] order = storageOrder();
        String[] out = new String[order.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = getString(order[k]);
        }
        return out;
    }

    /** This array with its data in C order (itself if already C order). */
    public NpyArray toCOrder() {
        if (!fortranOrder) {
            return this;
        }
        int item = dtype.itemSize();
        int[] order = Layout.fortranIndicesInCOrder(shape);
        byte[] out = new byte[data.length];
        for (int k = 0; k < order.length; k++) {
            System.arraycopy(data, order[k] * item, out, k * item, item);
        }
        return wrap(dtype, shape, false, out);
    }

    /**
     * The values of one field of a structured array: same shape with the field's sub-array shape appended.
     * The result keeps Fortran order for plain fields; for sub-array fields of a Fortran-ordered array it is
     * returned in C order.
     */
    public NpyArray field(String name) {
        if (!(dtype instanceof DType.Structured st)) {
            throw new IllegalStateException("field() needs a structured dtype, not " + dtype.descrLiteral());
        }
        int index = st.indexOf(name);
        DType.Field f = st.fields().get(index);
        int fieldOffset = st.offset(index);
        int fieldSize = f.itemSize();
        long[] sub = f.subShape();
        long[] newShape = Arrays.copyOf(shape, shape.length + sub.length);
        System.arraycopy(sub, 0, newShape, shape.length, sub.length);
        boolean keepFortran = fortranOrder && sub.length == 0;
        int[] order = fortranOrder && !keepFortran ? Layout.fortranIndicesInCOrder(shape) : null;
        int item = dtype.itemSize();
        byte[] out = new byte[Math.toIntExact(size * fieldSize)];
        for (int k = 0; k < size; k++) {
            int record = order == null ? k : order[k];
            System.arraycopy(data, record * item + fieldOffset, out, k * fieldSize, fieldSize);
        }
        return wrap(f.type(), newShape, keepFortran, out);
    }

    private int[] storageOrder() {
        if (fortranOrder) {
            return Layout.fortranIndicesInCOrder(shape);
        }
        int[] identity = new int[(int) size];
        Arrays.setAll(identity, k -> k);
        return identity;
    }

    private int offset(long i) {
        Objects.checkIndex(i, size);
        return (int) (i * dtype.itemSize());
    }

    private DType.Scalar scalarDType(String op) {
        if (dtype instanceof DType.Scalar s) {
            return s;
        }
        throw notFor(op);
    }

    private IllegalStateException notFor(String op) {
        return new IllegalStateException(op + " is not defined for dtype " + dtype.descrLiteral());
    }

    // ---- value semantics ----

    /** Equal when dtype, shape, storage order and data bytes are all equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray a && fortranOrder == a.fortranOrder && dtype.equals(a.dtype)
                && Arrays.equals(shape, a.shape) && Arrays.equals(data, a.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dtype, Arrays.hashCode(shape), fortranOrder, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "NpyArray[" + dtype.descrLiteral() + ", shape=" + PyRepr.tuple(shape)
                + (fortranOrder ? ", fortran" : "") + "]";
    }
}
