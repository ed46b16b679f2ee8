package dev.skiff.format.npy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads and validates everything before the data: magic, version, header length and the header dict. */
final class HeaderReader {

    private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");

    private HeaderReader() {
    }

    /** Reads the header, leaving {@code in} at the first data byte, and checks the data size against the limits. */
    static NpyHeader read(InputStream in, NpyLimits limits) throws IOException {
        byte[] magic = in.readNBytes(8);
        if (magic.length < 6 || !java.util.Arrays.equals(magic, 0, 6, HeaderWriter.MAGIC, 0, 6)) {
            throw new NpyFormatException("not a .npy file: expected the magic \\x93NUMPY, got "
                    + (magic.length == 0 ? "no bytes" : "bytes " + HexFormat.of().formatHex(magic)));
        }
        if (magic.length < 8) {
            throw new NpyFormatException("truncated .npy file: no format version after the magic");
        }
        int major = magic[6] & 0xff;
        int minor = magic[7] & 0xff;
        if ((major != 1 && major != 2 && major != 3) || minor != 0) {
            throw new NpyFormatException("unsupported .npy format version " + major + "." + minor
                    + " (supported: 1.0, 2.0, 3.0)");
        }
        int fieldSize = major == 1 ? 2 : 4;
        byte[] len = in.readNBytes(fieldSize);
        if (len.length < fieldSize) {
            throw new NpyFormatException("truncated .npy file: header length field has " + len.length
                    + " of " + fieldSize + " bytes");
        }
        long headerLength = 0;
        for (int i = fieldSize - 1; i >= 0; i--) {
            headerLength = (headerLength << 8) | (len[i] & 0xff);
        }
        if (headerLength > limits.maxHeaderBytes()) {
            throw new NpyFormatException("header length " + headerLength + " exceeds the limit of "
                    + limits.maxHeaderBytes() + " bytes");
        }
        byte[] raw = in.readNBytes((int) headerLength);
        if (raw.length < headerLength) {
            throw new NpyFormatException("truncated header: expected " + headerLength + " bytes, got " + raw.length);
        }
        NpyHeader header = interpret(decode(raw, major));
        checkSize(header, limits);
        return header;
    }

    private static String decode(byte[] raw, int major) throws NpyFormatException {
        if (major < 3) {
            return new String(raw, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new NpyFormatException("version 3.0 header is not valid UTF-8", e);
        }
    }

    static NpyHeader interpret(String text) throws NpyFormatException {
        Object literal = PyLiteral.parse(text);
        if (!(literal instanceof Map<?, ?> dict)) {
            throw new NpyFormatException("header is not a dict: " + abbreviate(text));
        }
        if (!dict.keySet().equals(KEYS)) {
            Set<Object> missing = new TreeSet<>(KEYS);
            missing.removeAll(dict.keySet());
            Set<Object> extra = new TreeSet<>(dict.keySet());
            extra.removeAll(KEYS);
            throw new NpyFormatException("header must have exactly the keys 'descr', 'fortran_order', 'shape'"
                    + (missing.isEmpty() ? "" : "; missing " + missing)
                    + (extra.isEmpty() ? "" : "; unexpected " + extra));
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw new NpyFormatException("fortran_order is not True or False: " + dict.get("fortran_order"));
        }
        long[] shape = shape(dict.get("shape"));
        DType dtype = DescrDecoder.decode(dict.get("descr"));
        return new NpyHeader(dtype, shape, fortran);
    }

    private static long[] shape(Object value) throws NpyFormatException {
        if (!(value instanceof PyLiteral.Tuple tuple)) {
            throw new NpyFormatException("shape is not a tuple: " + value);
        }
        List<Object> items = tuple.items();
        if (items.size() > NpyHeader.MAX_DIMS) {
            throw new NpyFormatException("shape has " + items.size() + " dimensions, more than "
                    + NpyHeader.MAX_DIMS);
        }
        long[] shape = new long[items.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(items.get(i) instanceof BigInteger d)) {
                throw new NpyFormatException("shape entry " + i + " is not an integer: " + items.get(i));
            }
            if (d.signum() < 0) {
                throw new NpyFormatException("negative dimension " + d + " in shape");
            }
            if (d.bitLength() > 63) {
                throw new NpyFormatException("dimension " + d + " in shape is too large");
            }
            shape[i] = d.longValue();
        }
        return shape;
    }

    private static void checkSize(NpyHeader h, NpyLimits limits) throws NpyFormatException {
        String shape = PyRepr.tuple(h.shape());
        long elements = h.elementCount();
        if (elements < 0) {
            throw new NpyFormatException("shape " + shape + " is too large: the element count overflows 64 bits");
        }
        long maxElements = Math.min(limits.maxElements(), NpyLimits.HARD_MAX_DATA_BYTES);
        if (elements > maxElements) {
            throw new NpyFormatException("shape " + shape + " has " + elements
                    + " elements, more than the limit of " + maxElements);
        }
        long bytes = h.dataBytes();
        if (bytes < 0) {
            throw new NpyFormatException("shape " + shape + " with item size " + h.dtype().itemSize()
                    + " is too large: the data size overflows 64 bits");
        }
        long max = Math.min(limits.maxDataBytes(), NpyLimits.HARD_MAX_DATA_BYTES);
        if (bytes > max) {
            throw new NpyFormatException("data of " + bytes + " bytes (shape " + shape + ", item size "
                    + h.dtype().itemSize() + ") exceeds the limit of " + max + " bytes");
        }
    }

    private static String abbreviate(String text) {
        String t = text.strip();
        return t.length() <= 80 ? t : t.substring(0, 77) + "...";
    }
}
