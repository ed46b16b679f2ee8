package dev.skiff.hub.lfs;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Git LFS pointer: what git stores in place of an LFS file's content.
 * <pre>
 * version https://git-lfs.github.com/spec/v1
 * oid sha256:&lt;64 hex&gt;
 * size &lt;bytes&gt;
 * </pre>
 *
 * @param oid  sha256 of the content, 64 lower-case hex
 * @param size content size in bytes
 */
public record LfsPointer(String oid, long size) {
    /** Pointers are small; anything larger is content, not a pointer. */
    public static final int MAX_POINTER_SIZE = 1024;
    private static final Pattern OID = Pattern.compile("[0-9a-f]{64}");
    private static final String VERSION = "version https://git-lfs.github.com/spec/v1";
    private static final Pattern POINTER = Pattern.compile(
            "version https://(?:git-lfs\\.github\\.com/spec/v1|hawser\\.github\\.com/spec/v1)\n"
                    + "(?:[a-z0-9.-]+ [^\n]*\n)*?"
                    + "oid sha256:([0-9a-f]{64})\n"
                    + "size (0|[1-9][0-9]{0,18})\n"
                    + "(?:[a-z0-9.-]+ [^\n]*\n)*");

    public LfsPointer {
        if (oid == null || !OID.matcher(oid).matches()) {
            throw new IllegalArgumentException("not a sha256 oid: " + oid);
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
    }

    public static boolean isOid(String s) {
        return s != null && OID.matcher(s).matches();
    }

    /** The pointer text, exactly as git-lfs writes it. */
    public String text() {
        return VERSION + "\noid sha256:" + oid + "\nsize " + size + "\n";
    }

    public byte[] bytes() {
        return text().getBytes(StandardCharsets.US_ASCII);
    }

    /** Length of the pointer blob: {@code 125 + digits(size)}. */
    public int pointerSize() {
        return 125 + Long.toString(size).length();
    }

    /** The pointer in {@code data}, or null if it is not one. */
    public static LfsPointer parse(byte[] data) {
        if (data == null || data.length > MAX_POINTER_SIZE || data.length < 100 || data[0] != 'v') {
            return null;
        }
        Matcher m = POINTER.matcher(new String(data, StandardCharsets.US_ASCII));
        if (!m.matches()) {
            return null;
        }
        try {
            return new LfsPointer(m.group(1), Long.parseLong(m.group(2)));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
