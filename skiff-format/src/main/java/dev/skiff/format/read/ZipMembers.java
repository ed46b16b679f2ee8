package dev.skiff.format.read;

import dev.skiff.format.ReadLimits;
import dev.skiff.format.SkopsFormatException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A zip archive read through its central directory, as Python's {@code zipfile} does. Member names are
 * checked (no duplicates, no paths), sizes are counted while inflating rather than trusted from headers,
 * and the total read is bounded, so a zip bomb stops at the limit.
 */
public final class ZipMembers implements MemberSource {
    private final ZipFile zip;
    private final Map<String, ZipEntry> entries;
    private final long maxTotal;
    private long total;

    private ZipMembers(ZipFile zip, Map<String, ZipEntry> entries, long maxTotal) {
        this.zip = zip;
        this.entries = entries;
        this.maxTotal = maxTotal;
    }

    public static ZipMembers open(Path file, ReadLimits limits) throws SkopsFormatException {
        CentralDirectory.check(file, limits.maxMembers());
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new SkopsFormatException("not a zip archive (" + e.getMessage() + "): " + file);
        } catch (IOException e) {
            throw new SkopsFormatException("cannot open " + file + ": " + e.getMessage(), e);
        }
        try {
            Map<String, ZipEntry> entries = new LinkedHashMap<>();
            Enumeration<? extends ZipEntry> en = zip.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                String name = e.getName();
                checkName(name);
                if (entries.put(name, e) != null) {
                    throw new SkopsFormatException("duplicate zip member \"" + name + "\"");
                }
                if (entries.size() > limits.maxMembers()) {
                    throw new SkopsFormatException("more than " + limits.maxMembers() + " zip members");
                }
                int method = e.getMethod();
                if (method != ZipEntry.STORED && method != ZipEntry.DEFLATED) {
                    throw new SkopsFormatException("zip member \"" + name + "\" uses compression method " + method
                            + "; only stored and deflated are supported");
                }
            }
            return new ZipMembers(zip, entries, limits.maxTotalBytes());
        } catch (SkopsFormatException | RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    /** Member names are looked up, never used as paths; still, anything path-like is a sign of tampering. */
    static void checkName(String name) throws SkopsFormatException {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains("..")
                || name.contains("/") || name.indexOf('\0') >= 0 || name.contains(":")) {
            throw new SkopsFormatException("refusing zip member with a path-like name \"" + name + "\"");
        }
    }

    @Override
    public Set<String> names() {
        return Collections.unmodifiableSet(entries.keySet());
    }

    @Override
    public byte[] read(String name, long maxBytes) throws SkopsFormatException {
        ZipEntry e = entries.get(name);
        if (e == null) {
            throw new SkopsFormatException("missing zip member \"" + name + "\"");
        }
        long bound = Math.min(maxBytes, maxTotal - total);
        long declared = e.getSize();
        if (declared > bound) {
            throw tooLarge(name, declared, maxBytes);
        }
        if (!HeapBudget.fits(declared)) {
            throw new SkopsFormatException("zip member \"" + name + "\" needs " + declared
                    + " bytes, more than this JVM's heap can spare (raise -Xmx)");
        }
        try (CheckedInputStream in = new CheckedInputStream(zip.getInputStream(e), new CRC32())) {
            byte[] data = declared >= 0 ? readExactly(in, name, (int) declared) : readBounded(in, name, bound, maxBytes);
            if (e.getCrc() != -1 && in.getChecksum().getValue() != e.getCrc()) {
                throw new SkopsFormatException("zip member \"" + name + "\" fails its CRC-32 check (corrupt file)");
            }
            total += data.length;
            return data;
        } catch (SkopsFormatException ex) {
            throw ex;
        } catch (IOException | RuntimeException ex) {
            throw new SkopsFormatException("corrupt zip member \"" + name + "\": " + ex.getMessage(), ex);
        }
    }

    /** Reads the size the central directory declares, and fails if the data is shorter or longer. */
    private static byte[] readExactly(InputStream in, String name, int size) throws IOException {
        byte[] data = new byte[size];
        int off = 0;
        while (off < size) {
            int r = in.read(data, off, size - off);
            if (r < 0) {
                throw new SkopsFormatException("zip member \"" + name + "\" ends after " + off
                        + " of its declared " + size + " bytes");
            }
            off += r;
        }
        if (in.read() >= 0) {
            throw new SkopsFormatException("zip member \"" + name + "\" holds more than its declared "
                    + size + " bytes");
        }
        return data;
    }

    private byte[] readBounded(InputStream in, String name, long bound, long maxBytes) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(64 * 1024);
        byte[] chunk = new byte[64 * 1024];
        long n = 0;
        for (int r; (r = in.read(chunk)) > 0; ) {
            n += r;
            if (n > bound || n > HeapBudget.available()) {
                throw tooLarge(name, n, maxBytes);
            }
            buf.write(chunk, 0, r);
        }
        return buf.toByteArray();
    }

    private SkopsFormatException tooLarge(String name, long size, long maxBytes) {
        if (total + size > maxTotal && size <= maxBytes) {
            return new SkopsFormatException("zip member \"" + name + "\" takes the archive past the limit of "
                    + maxTotal + " uncompressed bytes");
        }
        return new SkopsFormatException("zip member \"" + name + "\" is larger than the limit of " + maxBytes
                + " bytes (" + size + "+ bytes once decompressed)");
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipFile z) {
        try {
            z.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
