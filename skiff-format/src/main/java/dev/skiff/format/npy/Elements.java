package dev.skiff.format.npy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Decoding and encoding of single elements in a byte buffer whose byte order is already set. */
final class Elements {

    private Elements() {
    }

    static long signed(ByteBuffer b, int off, int size) {
        return switch (size) {
            case 1 -> b.get(off);
            case 2 -> b.getShort(off);
            case 4 -> b.getInt(off);
            default -> b.getLong(off);
        };
    }

    /** Unsigned value; for 8-byte values the raw two's-complement bits. */
    static long unsigned(ByteBuffer b, int off, int size) {
        return switch (size) {
            case 1 -> b.get(off) & 0xffL;
            case 2 -> b.getShort(off) & 0xffffL;
            case 4 -> b.getInt(off) & 0xffffffffL;
            default -> b.getLong(off);
        };
    }

    static double unsignedToDouble(long bits) {
        double d = (double) (bits & Long.MAX_VALUE);
        return bits < 0 ? d + 0x1.0p63 : d;
    }

    static double floating(ByteBuffer b, int off, int size) {
        return switch (size) {
            case 2 -> Float.float16ToFloat(b.getShort(off));
            case 4 -> b.getFloat(off);
            case 8 -> b.getDouble(off);
            default -> throw new IllegalStateException("float" + (8 * size) + " (long double) cannot be read");
        };
    }

    /** numpy {@code U}: UTF-32 code units, trailing NULs stripped. */
    static String unicode(ByteBuffer b, int off, int size, long index) {
        int units = size / 4;
        int end = units;
        while (end > 0 && b.getInt(off + 4 * (end - 1)) == 0) {
            end--;
        }
        StringBuilder sb = new StringBuilder(end);
        for (int j = 0; j < end; j++) {
            int cp = b.getInt(off + 4 * j);
            if (cp < 0 || cp > Character.MAX_CODE_POINT) {
                throw new IllegalStateException("element " + index + " holds 0x" + Integer.toHexString(cp)
                        + ", which is not a Unicode code point");
            }
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    /** numpy {@code S}: raw bytes as Latin-1, trailing NULs stripped. */
    static String bytes(byte[] data, int off, int size) {
        int end = size;
        while (end > 0 && data[off + end - 1] == 0) {
            end--;
        }
        return new String(data, off, end, StandardCharsets.ISO_8859_1);
    }

    /** Encodes strings as {@code <U{max code points, at least 1}}, like {@code np.array(list_of_str)}. */
    static byte[] encodeUnicode(String[] values, int chars) {
        ByteBuffer b = ByteBuffer.allocate(Math.multiplyExact(values.length, Math.multiplyExact(chars, 4)))
                .order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < values.length; i++) {
            int[] cps = values[i].codePoints().toArray();
            for (int j = 0; j < cps.length; j++) {
                b.putInt((i * chars + j) * 4, cps[j]);
            }
        }
        return b.array();
    }

    static int maxCodePoints(String[] values) {
        int max = 1;
        for (String v : values) {
            max = Math.max(max, v.codePointCount(0, v.length()));
        }
        return max;
    }
}
