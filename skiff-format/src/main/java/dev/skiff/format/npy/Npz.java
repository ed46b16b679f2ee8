package dev.skiff.format.npy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Zips of {@code NAME.npy} members, as written by {@code np.savez}, {@code np.savez_compressed} and
 * {@code scipy.sparse.save_npz}.
 */
public final class Npz {

    private static final String SUFFIX = ".npy";
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private Npz() {
    }

    /**
     * Reads every member, keyed by name without {@code .npy}, in zip order. Sizes claimed by zip headers are
     * not trusted: each member's data is read only as far as its {@code .npy} header says, all members
     * together may hold at most {@code limits.maxDataBytes()} data bytes, and a member with bytes after its
     * data is rejected after reading one of them.
     */
    public static LinkedHashMap<String, NpyArray> read(byte[] zipBytes, NpyLimits limits, int maxMembers)
            throws NpyFormatException {
        checkZipSignature(zipBytes);
        LinkedHashMap<String, NpyArray> out = new LinkedHashMap<>();
        long budget = Math.min(limits.maxDataBytes(), NpyLimits.HARD_MAX_DATA_BYTES);
        long used = 0;
        String current = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                current = entry.getName();
                String key = memberKey(entry);
                if (out.size() >= maxMembers) {
                    throw new NpyFormatException(".npz has more than " + maxMembers + " members");
                }
                if (out.containsKey(key)) {
                    throw new NpyFormatException(".npz has a duplicate member " + PyRepr.str(entry.getName()));
                }
                NpyHeader header = readHeader(zip, limits, entry.getName());
                long bytes = header.dataBytes();
                if (bytes > budget - used) {
                    throw new NpyFormatException(".npz member " + PyRepr.str(entry.getName()) + " holds " + bytes
                            + " data bytes, but only " + (budget - used) + " of the limit of " + budget
                            + " bytes for all members are left");
                }
                byte[] data;
                try {
                    data = Npy.readData(zip, bytes);
                } catch (NpyFormatException e) {
                    throw new NpyFormatException(".npz member " + PyRepr.str(entry.getName()) + ": "
                            + e.getMessage(), e);
                }
                if (zip.read() >= 0) {
                    throw new NpyFormatException(".npz member " + PyRepr.str(entry.getName())
                            + " has trailing data after its " + bytes + " data bytes");
                }
                used += bytes;
                out.put(key, NpyArray.wrap(header.dtype(), header.shape(), header.fortranOrder(), data));
                current = null;
            }
        } catch (NpyFormatException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw new NpyFormatException("invalid .npz zip" + (current == null ? "" : " in member "
                    + PyRepr.str(current)) + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static void checkZipSignature(byte[] zipBytes) throws NpyFormatException {
        boolean local = zipBytes.length >= 4 && zipBytes[0] == 'P' && zipBytes[1] == 'K'
                && ((zipBytes[2] == 3 && zipBytes[3] == 4) || (zipBytes[2] == 5 && zipBytes[3] == 6));
        if (!local) {
            throw new NpyFormatException("not a .npz file: it does not start with a zip signature (PK\\x03\\x04)");
        }
    }

    private static String memberKey(ZipEntry entry) throws NpyFormatException {
        String name = entry.getName();
        if (entry.isDirectory() || name.contains("/") || name.contains("\\") || name.contains("..")) {
            throw new NpyFormatException(".npz member name " + PyRepr.str(name)
                    + " is not allowed (no '/', '\\\\' or '..')");
        }
        if (!name.endsWith(SUFFIX) || name.length() == SUFFIX.length()) {
            throw new NpyFormatException(".npz member " + PyRepr.str(name) + " is not a NAME.npy file");
        }
        return name.substring(0, name.length() - SUFFIX.length());
    }

    private static NpyHeader readHeader(ZipInputStream zip, NpyLimits limits, String name) throws IOException {
        try {
            return HeaderReader.read(zip, limits);
        } catch (NpyFormatException e) {
            throw new NpyFormatException(".npz member " + PyRepr.str(name) + ": " + e.getMessage(), e);
        }
    }

    /** A deflated zip of {@code KEY.npy} members, loadable by {@code np.load} and {@code scipy.sparse.load_npz}. */
    public static byte[] write(Map<String, NpyArray> arrays) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(arrays, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Streams the zip {@link #write(Map)} returns. Entry times are fixed (1980-01-01) so output is reproducible.
     *
     * @throws IllegalArgumentException for an empty key or one containing '/', '\\' or '..'
     */
    public static void write(Map<String, NpyArray> arrays, OutputStream out) throws IOException {
        for (String key : arrays.keySet()) {
            if (key.isEmpty() || key.contains("/") || key.contains("\\") || key.contains("..")) {
                throw new IllegalArgumentException("invalid .npz key " + PyRepr.str(key));
            }
        }
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.setMethod(ZipOutputStream.DEFLATED);
        for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
            ZipEntry entry = new ZipEntry(e.getKey() + SUFFIX);
            entry.setTimeLocal(FIXED_TIME);
            zip.putNextEntry(entry);
            Npy.write(e.getValue(), zip);
            zip.closeEntry();
        }
        zip.finish();
    }
}
