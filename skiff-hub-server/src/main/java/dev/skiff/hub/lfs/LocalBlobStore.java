package dev.skiff.hub.lfs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * The embedded {@link BlobStore}: a directory.
 * <pre>
 * objects/ab/cd/abcd…   the object, named by its sha256 (git-lfs layout)
 * meta/ab/abcd….sha1    its git blob id, computed on first need
 * scopes/&lt;scope&gt;/ab/abcd…  empty marker: the repository may reference the object
 * parts/abcd…/&lt;n&gt;       parts of a multipart upload
 * tmp/                  staging; every file is written here, verified, forced to disk and renamed into place
 * .href-key             the key signing upload/download hrefs
 * </pre>
 * Hrefs point at the hub ({@code <base>/lfs/objects/<oid>[/parts/<n>|/complete]?scope&size&exp&sig}).
 */
public final class LocalBlobStore implements BlobStore {
    private static final Logger LOG = LoggerFactory.getLogger(LocalBlobStore.class);
    private static final Pattern SCOPE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int BUF = 1 << 20;
    /** How long handed-out hrefs stay valid: long enough for a slow multi-GB upload. */
    static final Duration HREF_TTL = Duration.ofHours(24);

    private final Path root;
    private final Path objects;
    private final Path tmp;
    private final String baseUrl;
    private final long chunkSize;
    private final long multipartAbove;
    private final HrefSigner signer;

    /**
     * @param root           the store's directory (the hub uses {@code <data>/lfs})
     * @param baseUrl        the hub's URL, for hrefs
     * @param chunkSize      part size of multipart uploads
     * @param multipartAbove objects larger than this upload in parts (when the client offers multipart)
     */
    public LocalBlobStore(Path root, String baseUrl, long chunkSize, long multipartAbove) throws IOException {
        if (chunkSize < 1 || multipartAbove < 0) {
            throw new IllegalArgumentException("bad multipart settings: chunk " + chunkSize + ", above " + multipartAbove);
        }
        this.root = root;
        this.objects = root.resolve("objects");
        this.tmp = root.resolve("tmp");
        this.baseUrl = baseUrl;
        this.chunkSize = chunkSize;
        this.multipartAbove = multipartAbove;
        Files.createDirectories(objects);
        Files.createDirectories(tmp);
        this.signer = HrefSigner.fromKeyFile(root.resolve(".href-key"));
        sweepTemp();
    }

    /** Staging files left by a crash (a day old: nothing still writes them). */
    private void sweepTemp() {
        Instant cutoff = Instant.now().minus(Duration.ofDays(1));
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(tmp)) {
            for (Path p : ds) {
                FileTime t = Files.getLastModifiedTime(p);
                if (t.toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            LOG.warn("could not sweep {}: {}", tmp, e.toString());
        }
    }

    private static String checkOid(String oid) {
        if (!LfsPointer.isOid(oid)) {
            throw new IllegalArgumentException("not a sha256 oid: " + oid);
        }
        return oid;
    }

    /** Where object {@code oid} lives (whether or not it exists). */
    public Path path(String oid) {
        checkOid(oid);
        return objects.resolve(oid.substring(0, 2)).resolve(oid.substring(2, 4)).resolve(oid);
    }

    private Path scopeMarker(String scope, String oid) {
        if (!SCOPE.matcher(scope).matches()) {
            throw new IllegalArgumentException("not a scope: " + scope);
        }
        return root.resolve("scopes").resolve(scope).resolve(oid.substring(0, 2)).resolve(checkOid(oid));
    }

    @Override
    public long size(String oid) {
        try {
            return Files.size(path(oid));
        } catch (NoSuchFileException e) {
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public FileChannel open(String oid) throws IOException {
        return FileChannel.open(path(oid), StandardOpenOption.READ);
    }

    @Override
    public Path newTempFile() throws IOException {
        return Files.createTempFile(tmp, "stage-", ".tmp");
    }

    @Override
    public void put(String oid, long size, InputStream in) throws IOException {
        checkOid(oid);
        Path t = newTempFile();
        try {
            MessageDigest sha = sha256();
            long n = 0;
            try (FileChannel out = FileChannel.open(t, StandardOpenOption.WRITE)) {
                byte[] buf = new byte[BUF];
                int r;
                while ((r = in.read(buf)) > 0) {
                    sha.update(buf, 0, r);
                    ByteBuffer bb = ByteBuffer.wrap(buf, 0, r);
                    while (bb.hasRemaining()) {
                        out.write(bb);
                    }
                    n += r;
                    if (size >= 0 && n > size) {
                        throw new BlobMismatchException("more than the announced " + size + " bytes for " + oid);
                    }
                }
                out.force(true);
            }
            check(oid, size, n, sha);
            publish(t, oid);
        } finally {
            Files.deleteIfExists(t);
        }
    }

    private static void check(String oid, long size, long n, MessageDigest sha) throws BlobMismatchException {
        if (size >= 0 && n != size) {
            throw new BlobMismatchException("expected " + size + " bytes for " + oid + ", received " + n);
        }
        String got = HexFormat.of().formatHex(sha.digest());
        if (!got.equals(oid)) {
            throw new BlobMismatchException("content hashes to sha256 " + got + ", not " + oid);
        }
    }

    /** Renames a verified temp file into place (replacing an identical object is harmless). */
    private void publish(Path verified, String oid) throws IOException {
        Path target = path(oid);
        if (Files.exists(target)) {
            return;
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(verified, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(verified, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void importFile(Path staged, String oid, long size) throws IOException {
        checkOid(oid);
        if (Files.size(staged) != size) {
            throw new BlobMismatchException("staged file has " + Files.size(staged) + " bytes, not " + size);
        }
        try (FileChannel c = FileChannel.open(staged, StandardOpenOption.WRITE)) {
            c.force(true);
        }
        if (!staged.getParent().equals(tmp)) {
            Path t = newTempFile();
            Files.copy(staged, t, StandardCopyOption.REPLACE_EXISTING);
            staged = t;
        }
        try {
            publish(staged, oid);
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    private Path partsDir(String oid) {
        return root.resolve("parts").resolve(checkOid(oid));
    }

    @Override
    public String putPart(String oid, int partNumber, InputStream in) throws IOException {
        if (partNumber < 1 || partNumber > 100_000) {
            throw new IllegalArgumentException("part number out of range: " + partNumber);
        }
        Path dir = partsDir(oid);
        Files.createDirectories(dir);
        Path t = newTempFile();
        try {
            CRC32C crc = new CRC32C();
            long n = 0;
            try (OutputStream out = Files.newOutputStream(t)) {
                byte[] buf = new byte[BUF];
                int r;
                while ((r = in.read(buf)) > 0) {
                    crc.update(buf, 0, r);
                    out.write(buf, 0, r);
                    n += r;
                }
            }
            try (FileChannel c = FileChannel.open(t, StandardOpenOption.WRITE)) {
                c.force(true);
            }
            Files.move(t, dir.resolve(Integer.toString(partNumber)), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            return etag(crc.getValue(), n);
        } finally {
            Files.deleteIfExists(t);
        }
    }

    private static String etag(long crc, long n) {
        return "\"" + String.format("%08x", crc) + "-" + n + "\"";
    }

    @Override
    public void completeMultipart(String oid, long size, List<Part> parts) throws IOException {
        checkOid(oid);
        Path dir = partsDir(oid);
        if (parts.isEmpty()) {
            throw new BlobMismatchException("a multipart upload needs at least one part");
        }
        if (size(oid) == size && size >= 0) {
            deleteParts(dir); // a retried completion: the object is already there
            return;
        }
        Path t = newTempFile();
        try {
            MessageDigest sha = sha256();
            long n = 0;
            byte[] buf = new byte[BUF];
            try (FileChannel out = FileChannel.open(t, StandardOpenOption.WRITE)) {
                for (int i = 0; i < parts.size(); i++) {
                    Part p = parts.get(i);
                    if (p.partNumber() != i + 1) {
                        throw new BlobMismatchException("parts must be numbered 1.." + parts.size() + " in order; got "
                                + p.partNumber() + " at position " + (i + 1));
                    }
                    Path file = dir.resolve(Integer.toString(p.partNumber()));
                    CRC32C crc = new CRC32C();
                    long pn = 0;
                    try (InputStream in = Files.newInputStream(file)) {
                        int r;
                        while ((r = in.read(buf)) > 0) {
                            sha.update(buf, 0, r);
                            crc.update(buf, 0, r);
                            ByteBuffer bb = ByteBuffer.wrap(buf, 0, r);
                            while (bb.hasRemaining()) {
                                out.write(bb);
                            }
                            pn += r;
                        }
                    } catch (NoSuchFileException e) {
                        throw new BlobMismatchException("part " + p.partNumber() + " of " + oid + " was not uploaded");
                    }
                    if (p.etag() != null && !p.etag().equals(etag(crc.getValue(), pn))) {
                        throw new BlobMismatchException("part " + p.partNumber() + " has ETag " + etag(crc.getValue(), pn)
                                + ", not " + p.etag());
                    }
                    n += pn;
                }
                out.force(true);
            }
            check(oid, size, n, sha);
            publish(t, oid);
            deleteParts(dir);
        } finally {
            Files.deleteIfExists(t);
        }
    }

    private static void deleteParts(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    @Override
    public void link(String scope, String oid) throws IOException {
        Path m = scopeMarker(scope, oid);
        if (!Files.exists(m)) {
            Files.createDirectories(m.getParent());
            try {
                Files.createFile(m);
            } catch (java.nio.file.FileAlreadyExistsException ignored) {
                // linked concurrently
            }
        }
    }

    @Override
    public boolean isLinked(String scope, String oid) {
        return Files.exists(scopeMarker(scope, oid)) && Files.exists(path(oid));
    }

    @Override
    public void dropScope(String scope) {
        if (!SCOPE.matcher(scope).matches()) {
            throw new IllegalArgumentException("not a scope: " + scope);
        }
        Path dir = root.resolve("scopes").resolve(scope);
        try {
            if (Files.exists(dir)) {
                org.eclipse.jgit.util.FileUtils.delete(dir.toFile(), org.eclipse.jgit.util.FileUtils.RECURSIVE
                        | org.eclipse.jgit.util.FileUtils.RETRY);
            }
        } catch (IOException e) {
            LOG.warn("could not drop LFS scope {}: {}", scope, e.toString());
        }
    }

    private String href(String path, String purpose, String scope, String oid, long size, long exp, int part) {
        return baseUrl + path + "?scope=" + scope + "&size=" + size + "&exp=" + exp + "&sig="
                + signer.sign(purpose, scope, oid, size, exp, part);
    }

    @Override
    public Action uploadAction(String scope, String oid, long size, boolean multipartAllowed) {
        checkOid(oid);
        scopeMarker(scope, oid); // validates the scope
        long exp = Instant.now().plus(HREF_TTL).getEpochSecond();
        String base = "/lfs/objects/" + oid;
        if (!multipartAllowed || size <= multipartAbove) {
            return new Action(href(base, "upload", scope, oid, size, exp, 0), Map.of(), HREF_TTL.toSeconds());
        }
        long n = (size + chunkSize - 1) / chunkSize;
        Map<String, String> header = new LinkedHashMap<>();
        header.put("chunk_size", Long.toString(chunkSize));
        for (int i = 1; i <= n; i++) {
            header.put(Integer.toString(i), href(base + "/parts/" + i, "part", scope, oid, size, exp, i));
        }
        return new Action(href(base + "/complete", "complete", scope, oid, size, exp, 0), header, HREF_TTL.toSeconds());
    }

    @Override
    public Action downloadAction(String scope, String oid, long size) {
        long exp = Instant.now().plus(HREF_TTL).getEpochSecond();
        return new Action(href("/lfs/objects/" + checkOid(oid), "download", scope, oid, size, exp, 0), Map.of(),
                HREF_TTL.toSeconds());
    }

    @Override
    public boolean verifyHref(String purpose, String scope, String oid, long size, long expires, int part, String sig) {
        return signer.check(sig, purpose, scope, oid, size, expires, part, Instant.now().getEpochSecond());
    }

    @Override
    public String gitBlobId(String oid) throws IOException {
        Path side = root.resolve("meta").resolve(checkOid(oid).substring(0, 2)).resolve(oid + ".sha1");
        try {
            String s = Files.readString(side, StandardCharsets.US_ASCII).strip();
            if (s.matches("[0-9a-f]{40}")) {
                return s;
            }
        } catch (NoSuchFileException ignored) {
            // computed below
        }
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (FileChannel c = open(oid)) {
            sha1.update(("blob " + c.size() + "\0").getBytes(StandardCharsets.US_ASCII));
            ByteBuffer buf = ByteBuffer.allocate(BUF);
            while (c.read(buf) > 0) {
                buf.flip();
                sha1.update(buf);
                buf.clear();
            }
        }
        String id = HexFormat.of().formatHex(sha1.digest());
        Files.createDirectories(side.getParent());
        Path t = newTempFile();
        Files.writeString(t, id, StandardCharsets.US_ASCII);
        Files.move(t, side, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return id;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
