package dev.skiff.format.npy;

import java.nio.charset.StandardCharsets;

/** Encodes a header exactly as numpy 2.x {@code np.save} does, choosing format version 1.0, 2.0 or 3.0. */
final class HeaderWriter {

    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;

    private HeaderWriter() {
    }

    /** The dict text including growth padding, before alignment padding and the final newline. */
    static String text(NpyHeader h) {
        String text = h.toString();
        long[] shape = h.shape();
        if (shape.length > 0) {
            long growthAxis = shape[h.fortranOrder() ? shape.length - 1 : 0];
            text += " ".repeat(GROWTH_AXIS_MAX_DIGITS - Long.toString(growthAxis).length());
        }
        return text;
    }

    /** Magic, version, length field, header text, alignment spaces and newline: everything before the data. */
    static byte[] encode(NpyHeader h) {
        String text = text(h);
        boolean latin1 = text.chars().allMatch(c -> c <= 0xff);
        if (latin1) {
            byte[] body = text.getBytes(StandardCharsets.ISO_8859_1);
            byte[] v1 = wrap(body, 1, 2);
            return v1 != null ? v1 : orFail(wrap(body, 2, 4));
        }
        return orFail(wrap(text.getBytes(StandardCharsets.UTF_8), 3, 4));
    }

    private static byte[] orFail(byte[] header) {
        if (header == null) {
            throw new IllegalArgumentException("the .npy header is too large to write");
        }
        return header;
    }

    /** numpy's {@code _wrap_header}; null if the header does not fit the length field. */
    private static byte[] wrap(byte[] body, int major, int lengthFieldSize) {
        long hlen = body.length + 1L;
        long prefix = MAGIC.length + 2 + lengthFieldSize;
        long padlen = ALIGN - ((prefix + hlen) % ALIGN); // 1..64: numpy never pads with zero spaces
        long total = hlen + padlen;
        if (total > (lengthFieldSize == 2 ? 0xffffL : 0xffffffffL) || prefix + total > Integer.MAX_VALUE) {
            return null;
        }
        byte[] out = new byte[(int) (prefix + total)];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[6] = (byte) major;
        out[7] = 0;
        for (int i = 0; i < lengthFieldSize; i++) {
            out[8 + i] = (byte) (total >>> (8 * i));
        }
        int p = (int) prefix;
        System.arraycopy(body, 0, out, p, body.length);
        p += body.length;
        for (int i = 0; i < padlen; i++) {
            out[p++] = ' ';
        }
        out[p] = '\n';
        return out;
    }
}
