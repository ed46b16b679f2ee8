package dev.skiff.format.read;

import dev.skiff.format.SkopsFormatException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the zip central directory before {@link java.util.zip.ZipFile} does, to refuse what it either misses
 * or reports without naming the member: unsupported compression, encryption, entries whose local header is
 * elsewhere named differently, and entries whose data overlap (the "overlapping files" zip bomb).
 * Anything it cannot make sense of is left to ZipFile's own checks.
 */
final class CentralDirectory {
    private CentralDirectory() {
    }

    private record Entry(String name, int flags, int method, long csize, long offset) {
    }

    static void check(Path file, int maxMembers) throws SkopsFormatException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            int tailLen = (int) Math.min(size, 22 + 65535 + 20);
            ByteBuffer tail = read(ch, size - tailLen, tailLen);
            int eocd = -1;
            for (int i = tailLen - 22; i >= 0; i--) {
                if (tail.getInt(i) == 0x06054b50) {
                    eocd = i;
                    break;
                }
            }
            if (eocd < 0) {
                return; // ZipFile says "not a zip archive"
            }
            long count = tail.getShort(eocd + 10) & 0xffff;
            long cenSize = tail.getInt(eocd + 12) & 0xffffffffL;
            long cenOff = tail.getInt(eocd + 16) & 0xffffffffL;
            if ((count == 0xffff || cenSize == 0xffffffffL || cenOff == 0xffffffffL) && eocd >= 20
                    && tail.getInt(eocd - 20) == 0x07064b50) {
                long z64 = tail.getLong(eocd - 20 + 8);
                ByteBuffer r = read(ch, z64, 56);
                if (r.getInt(0) != 0x06064b50) {
                    return;
                }
                count = r.getLong(32);
                cenSize = r.getLong(40);
                cenOff = r.getLong(48);
            }
            if (count > maxMembers) {
                throw new SkopsFormatException("more than " + maxMembers + " zip members");
            }
            if (cenOff + cenSize > size || cenSize > Integer.MAX_VALUE) {
                return;
            }
            ByteBuffer cen = read(ch, cenOff, (int) cenSize);
            List<Entry> entries = new ArrayList<>();
            int p = 0;
            while (p + 46 <= cen.limit() && cen.getInt(p) == 0x02014b50) {
                int flags = cen.getShort(p + 8) & 0xffff;
                int method = cen.getShort(p + 10) & 0xffff;
                long csize = cen.getInt(p + 20) & 0xffffffffL;
                long usize = cen.getInt(p + 24) & 0xffffffffL;
                int nameLen = cen.getShort(p + 28) & 0xffff;
                int extraLen = cen.getShort(p + 30) & 0xffff;
                int commentLen = cen.getShort(p + 32) & 0xffff;
                long offset = cen.getInt(p + 42) & 0xffffffffL;
                if (p + 46 + nameLen + extraLen > cen.limit()) {
                    return;
                }
                byte[] nb = new byte[nameLen];
                cen.get(p + 46, nb);
                String name = new String(nb, (flags & 0x800) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
                // zip64 extra: the fields that are 0xffffffff follow in order usize, csize, offset
                for (int x = p + 46 + nameLen; x + 4 <= p + 46 + nameLen + extraLen; ) {
                    int id = cen.getShort(x) & 0xffff;
                    int len = cen.getShort(x + 2) & 0xffff;
                    if (id == 0x0001) {
                        int q = x + 4;
                        if (usize == 0xffffffffL && q + 8 <= x + 4 + len) {
                            q += 8;
                        }
                        if (csize == 0xffffffffL && q + 8 <= x + 4 + len) {
                            csize = cen.getLong(q);
                            q += 8;
                        }
                        if (offset == 0xffffffffL && q + 8 <= x + 4 + len) {
                            offset = cen.getLong(q);
                        }
                    }
                    x += 4 + len;
                }
                String quoted = "zip member \"" + name + "\"";
                if ((flags & 1) != 0) {
                    throw new SkopsFormatException(quoted + " is encrypted; encrypted members are not supported");
                }
                if (method != 0 && method != 8) {
                    throw new SkopsFormatException(quoted + " uses compression method " + method
                            + "; only stored (0) and deflated (8) are supported");
                }
                entries.add(new Entry(name, flags, method, csize, offset));
                p += 46 + nameLen + extraLen + commentLen;
            }
            entries.sort(Comparator.comparingLong(Entry::offset));
            long end = 0;
            Entry previous = null;
            for (Entry e : entries) {
                if (previous != null && e.offset() < end) {
                    throw new SkopsFormatException("zip member \"" + e.name() + "\" overlaps zip member \""
                            + previous.name() + "\" (a zip bomb?)");
                }
                if (e.offset() + 30 > size) {
                    return;
                }
                ByteBuffer loc = read(ch, e.offset(), 30);
                if (loc.getInt(0) != 0x04034b50) {
                    return;
                }
                long dataStart = e.offset() + 30 + (loc.getShort(26) & 0xffff) + (loc.getShort(28) & 0xffff);
                end = dataStart + e.csize();
                previous = e;
            }
        } catch (SkopsFormatException e) {
            throw e;
        } catch (IOException e) {
            // unreadable: ZipFile reports it
        }
    }

    private static ByteBuffer read(FileChannel ch, long pos, int len) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, pos + b.position()) < 0) {
                break;
            }
        }
        b.flip();
        return b;
    }
}
