package dev.skiff.format.npy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/** Reads and writes single arrays in the NumPy {@code .npy} format (versions 1.0, 2.0 and 3.0). */
public final class Npy {

    /** First allocation when reading data from a stream; the buffer then doubles up to the expected size. */
    private static final int FIRST_CHUNK = 1 << 16;

    private Npy() {
    }

    /** Reads a whole {@code .npy} file; the bytes must end exactly where the data ends. */
    public static NpyArray read(byte[] bytes, NpyLimits limits) throws NpyFormatException {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        NpyHeader header;
        try {
            header = HeaderReader.read(in, limits);
        } catch (NpyFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new NpyFormatException("cannot read .npy header: " + e.getMessage(), e);
        }
        long expected = header.dataBytes();
        int start = bytes.length - in.available();
        int got = in.available();
        if (got < expected) {
            throw new NpyFormatException("truncated data: expected " + expected + " bytes, got " + got);
        }
        if (got > expected) {
            throw new NpyFormatException("trailing data: expected " + expected + " bytes after the header, got "
                    + got);
        }
        return NpyArray.wrap(header.dtype(), header.shape(), header.fortranOrder(),
                Arrays.copyOfRange(bytes, start, bytes.length));
    }

    /**
     * Reads one array: the header, then exactly its data, leaving the stream just after it (bytes that follow
     * are not read). Memory grows only as data actually arrives, so a header that claims more data than the
     * stream holds fails with "truncated data" without a large allocation.
     */
    public static NpyArray read(InputStream in, NpyLimits limits) throws IOException {
        NpyHeader header = HeaderReader.read(in, limits);
        return NpyArray.wrap(header.dtype(), header.shape(), header.fortranOrder(),
                readData(in, header.dataBytes()));
    }

    /** Reads just the header, leaving the stream at the first data byte; sizes are checked against the limits. */
    public static NpyHeader readHeader(InputStream in, NpyLimits limits) throws IOException {
        return HeaderReader.read(in, limits);
    }

    static byte[] readData(InputStream in, long expected) throws IOException {
        int total = (int) expected; // the header reader has bounded it by the limits
        byte[] buf = new byte[Math.min(total, FIRST_CHUNK)];
        int got = 0;
        while (got < total) {
            if (got == buf.length) {
                buf = Arrays.copyOf(buf, (int) Math.min(total, 2L * buf.length));
            }
            int n = in.read(buf, got, buf.length - got);
            if (n < 0) {
                throw new NpyFormatException("truncated data: expected " + expected + " bytes, got " + got);
            }
            got += n;
        }
        return buf;
    }

    /** The bytes {@code np.save(f, a, allow_pickle=False)} writes with numpy 2.x. */
    public static byte[] write(NpyArray a) {
        byte[] header = HeaderWriter.encode(a.header());
        byte[] out = Arrays.copyOf(header, Math.addExact(header.length, a.dataLength()));
        a.copyDataTo(out, header.length);
        return out;
    }

    /** Writes what {@link #write(NpyArray)} returns, without building it in memory first. */
    public static void write(NpyArray a, OutputStream out) throws IOException {
        out.write(HeaderWriter.encode(a.header()));
        a.writeDataTo(out);
    }
}
