package dev.skiff.format.npy;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A numpy dtype as numpy writes it into a {@code .npy} header. */
public sealed interface DType permits DType.Scalar, DType.Structured {

    Scalar FLOAT64 = new Scalar('<', 'f', 8, "");
    Scalar FLOAT32 = new Scalar('<', 'f', 4, "");
    Scalar FLOAT16 = new Scalar('<', 'f', 2, "");
    Scalar INT64 = new Scalar('<', 'i', 8, "");
    Scalar INT32 = new Scalar('<', 'i', 4, "");
    Scalar INT16 = new Scalar('<', 'i', 2, "");
    Scalar INT8 = new Scalar('|', 'i', 1, "");
    Scalar UINT64 = new Scalar('<', 'u', 8, "");
    Scalar UINT32 = new Scalar('<', 'u', 4, "");
    Scalar UINT16 = new Scalar('<', 'u', 2, "");
    Scalar UINT8 = new Scalar('|', 'u', 1, "");
    Scalar BOOL = new Scalar('|', 'b', 1, "");
    Scalar COMPLEX128 = new Scalar('<', 'c', 16, "");
    Scalar COMPLEX64 = new Scalar('<', 'c', 8, "");
    Scalar DATETIME64_NS = new Scalar('<', 'M', 8, "ns");
    Scalar TIMEDELTA64_NS = new Scalar('<', 'm', 8, "ns");

    /** Bytes per element. */
    int itemSize();

    /** The Python literal numpy writes for this dtype in a header: {@code '<f8'} or {@code [('a', '<i8'), ('', '|V7')]}. */
    String descrLiteral();

    /**
     * Parses a numpy type string such as {@code <f8}, {@code |b1}, {@code <U3}, {@code |S2}, {@code <M8[ns]}.
     * A missing or native ({@code =}) byte order means little-endian; byte orders are normalised as numpy does.
     *
     * @throws IllegalArgumentException if the string is not a supported type string; for {@code O} the message
     *                                  says "object arrays (pickled) are not allowed"
     */
    static Scalar parse(String typestr) {
        return TypeStrings.parse(typestr);
    }

    /**
     * A fixed-size element type.
     *
     * @param byteOrder {@code '<'}, {@code '>'} or {@code '|'} (normalised: {@code '|'} exactly for types whose
     *                  byte order does not matter)
     * @param kind      one of {@code b i u f c U S V M m}
     * @param itemSize  bytes per element (for {@code U}: 4 per character)
     * @param unit      datetime/timedelta unit such as {@code "ns"} or {@code "10s"}; {@code ""} otherwise
     */
    record Scalar(char byteOrder, char kind, int itemSize, String unit) implements DType {

        public Scalar {
            Objects.requireNonNull(unit, "unit");
            TypeStrings.checkKindAndSize(kind, itemSize);
            if (!unit.isEmpty() && kind != 'M' && kind != 'm') {
                throw new IllegalArgumentException("only M8/m8 dtypes have a unit, not '" + kind + "'");
            }
            if (!unit.isEmpty()) {
                TypeStrings.checkUnit(unit);
            }
            byteOrder = TypeStrings.normaliseByteOrder(byteOrder, kind, itemSize);
        }

        /** numpy's {@code dtype.str}: {@code <f8}, {@code <U10}, {@code |S3}, {@code <M8[ns]}, {@code |V7}. */
        public String str() {
            int n = kind == 'U' ? itemSize / 4 : itemSize;
            return "" + byteOrder + kind + n + (unit.isEmpty() ? "" : "[" + unit + "]");
        }

        @Override
        public String descrLiteral() {
            return PyRepr.str(str());
        }

        /** The byte order to read multi-byte values with ({@code '|'} reads as little-endian). */
        public ByteOrder javaByteOrder() {
            return byteOrder == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        }

        /** The same type with another byte order (normalised). */
        public Scalar withByteOrder(char order) {
            return new Scalar(order, kind, itemSize, unit);
        }

        /** {@code <U{chars}}. */
        public static Scalar unicode(int chars) {
            return new Scalar('<', 'U', Math.multiplyExact(chars, 4), "");
        }

        /** {@code |S{bytes}}. */
        public static Scalar bytes(int bytes) {
            return new Scalar('|', 'S', bytes, "");
        }

        /** {@code |V{bytes}}, e.g. padding. */
        public static Scalar voidBytes(int bytes) {
            return new Scalar('|', 'V', bytes, "");
        }

        @Override
        public String toString() {
            return str();
        }
    }

    /**
     * A packed structured dtype: fields follow each other without gaps, and padding appears as fields with an
     * empty name and a {@code |V} type, exactly as numpy's {@code dtype.descr} lists them.
     */
    record Structured(List<Field> fields) implements DType {

        public Structured {
            fields = List.copyOf(fields);
            Set<String> seen = new HashSet<>();
            long total = 0;
            for (Field f : fields) {
                if (!f.isPadding() && !seen.add(f.name())) {
                    throw new IllegalArgumentException("duplicate field name " + PyRepr.str(f.name()));
                }
                total += f.itemSize();
                if (total > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("structured dtype is larger than 2 GiB per element");
                }
            }
        }

        public static Structured of(Field... fields) {
            return new Structured(List.of(fields));
        }

        @Override
        public int itemSize() {
            int total = 0;
            for (Field f : fields) {
                total += f.itemSize();
            }
            return total;
        }

        @Override
        public String descrLiteral() {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                Field f = fields.get(i);
                sb.append('(').append(PyRepr.str(f.name())).append(", ").append(f.type().descrLiteral());
                if (f.subShape.length > 0) {
                    sb.append(", ").append(PyRepr.tuple(f.subShape));
                }
                sb.append(')');
            }
            return sb.append(']').toString();
        }

        /** Byte offset of the field at {@code index} within an element. */
        public int offset(int index) {
            Objects.checkIndex(index, fields.size());
            int off = 0;
            for (int i = 0; i < index; i++) {
                off += fields.get(i).itemSize();
            }
            return off;
        }

        /** Byte offset of the named field within an element. */
        public int offsetOf(String name) {
            return offset(indexOf(name));
        }

        /** The named field, if there is one (padding fields cannot be looked up). */
        public Optional<Field> field(String name) {
            for (Field f : fields) {
                if (!f.isPadding() && f.name().equals(name)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }

        /** The names of the non-padding fields, in order. */
        public List<String> names() {
            List<String> names = new ArrayList<>();
            for (Field f : fields) {
                if (!f.isPadding()) {
                    names.add(f.name());
                }
            }
            return List.copyOf(names);
        }

        int indexOf(String name) {
            for (int i = 0; i < fields.size(); i++) {
                Field f = fields.get(i);
                if (!f.isPadding() && f.name().equals(name)) {
                    return i;
                }
            }
            throw new IllegalArgumentException("no field named " + PyRepr.str(name) + " in " + descrLiteral());
        }

        @Override
        public String toString() {
            return descrLiteral();
        }
    }

    /**
     * One field of a structured dtype.
     *
     * @param name     field name; empty for padding, whose type must then be {@code |V}
     * @param type     element type of the field
     * @param subShape shape of a sub-array field such as {@code ('w', '<f8', (2, 3))}; empty for plain fields
     */
    record Field(String name, DType type, long[] subShape) {

        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            subShape = subShape.clone();
            if (name.isEmpty() && !(type instanceof Scalar s && s.kind() == 'V')) {
                throw new IllegalArgumentException("only padding fields (type |V) may have an empty name, not "
                        + type.descrLiteral());
            }
            long size = type.itemSize();
            for (long d : subShape) {
                if (d < 0) {
                    throw new IllegalArgumentException("negative sub-array dimension in " + Arrays.toString(subShape));
                }
                size = d == 0 || size <= Integer.MAX_VALUE / d ? size * d : Long.MAX_VALUE;
            }
            if (size > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("field " + PyRepr.str(name) + " is larger than 2 GiB");
            }
        }

        public static Field of(String name, DType type, long... subShape) {
            return new Field(name, type, subShape);
        }

        /** A padding field {@code ('', '|V{bytes}')}. */
        public static Field padding(int bytes) {
            return new Field("", Scalar.voidBytes(bytes), new long[0]);
        }

        @Override
        public long[] subShape() {
            return subShape.clone();
        }

        /** Bytes the field occupies in each element: the type's size times the sub-array size. */
        public int itemSize() {
            long size = type.itemSize();
            for (long d : subShape) {
                size *= d;
            }
            return (int) size;
        }

        /** Number of type elements per record: the product of {@link #subShape()}. */
        public long count() {
            long n = 1;
            for (long d : subShape) {
                n *= d;
            }
            return n;
        }

        public boolean isPadding() {
            return name.isEmpty();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Field f && name.equals(f.name) && type.equals(f.type)
                    && Arrays.equals(subShape, f.subShape);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, type, Arrays.hashCode(subShape));
        }

        @Override
        public String toString() {
            return "Field[" + PyRepr.str(name) + ", " + type.descrLiteral()
                    + (subShape.length > 0 ? ", " + PyRepr.tuple(subShape) : "") + "]";
        }
    }
}
