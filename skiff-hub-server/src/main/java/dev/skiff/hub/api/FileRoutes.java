package dev.skiff.hub.api;

import dev.skiff.hub.Hub;
import dev.skiff.hub.db.MetaStore.Repo;
import dev.skiff.hub.git.FileEntry;
import dev.skiff.hub.git.GitStore;
import dev.skiff.hub.http.Exchange;
import dev.skiff.hub.http.HubException;
import dev.skiff.hub.http.Router;
import dev.skiff.hub.repo.RepoType;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;

/**
 * {@code GET|HEAD /[datasets/|spaces/]{ns}/{name}/resolve/{rev}/{path}}: a file's bytes, served directly (no redirect)
 * with the headers {@code hf_hub_download} needs: {@code X-Repo-Commit}, {@code ETag} (git blob id of a regular file,
 * sha256 of an LFS file), {@code X-Linked-Etag}/{@code X-Linked-Size} for LFS files, a real {@code Content-Length}
 * (also on HEAD), {@code Accept-Ranges} and single-range {@code Range} (206, 416). Never compressed, never a Xet hint.
 */
final class FileRoutes implements RouteGroup {
    private static final int CHUNK = 1 << 20;
    private static final String OCTETS = "application/octet-stream";
    private static final java.util.regex.Pattern NOT_ASCII = java.util.regex.Pattern.compile("[^\\x20-\\x7e]|[\"\\\\]");

    @Override
    public void register(Router r, Hub hub) {
        for (RepoType t : List.of(RepoType.DATASET, RepoType.SPACE, RepoType.MODEL)) {
            r.add("GET", "/" + t.urlPrefix() + "{ns}/{name}/resolve/{rev}/{path*}",
                    (ex, p) -> resolve(ex, hub, t, p.get("ns"), p.get("name"), p.get("rev"), p.get("path")));
        }
    }

    private static void resolve(Exchange ex, Hub hub, RepoType type, String ns, String name, String rev, String path)
            throws IOException {
        Repo repo = hub.access().readable(ex, type.id(), ns, name);
        GitStore git = hub.git();
        ObjectId commit = git.require(repo.storageId(), rev);
        FileEntry e = path.isEmpty() ? null : git.entry(repo.storageId(), commit, path);
        if (e == null || e.directory()) {
            throw HubException.entryNotFound((type.urlPrefix() + ns + "/" + name) + ": " + (path.isEmpty() ? "(no path)" : path)
                    + " does not exist at revision " + rev, commit.name());
        }
        String etag = "\"" + e.etag() + "\"";
        long size = e.size();
        ex.header("X-Repo-Commit", commit.name());
        ex.header("ETag", etag);
        ex.header("Accept-Ranges", "bytes");
        if (e.lfs() != null && hub.blobs().size(e.lfs().oid()) < 0) {
            throw new HubException(404, "EntryNotFound", "The LFS object of " + path + " (" + e.lfs().oid()
                    + ") is missing from this hub", null, Map.of("X-Repo-Commit", commit.name()));
        }
        if (e.lfs() != null) {
            ex.header("X-Linked-Etag", etag);
            ex.header("X-Linked-Size", Long.toString(size));
            String direct = hub.blobs().directDownloadUrl(e.lfs().oid(), java.time.Duration.ofHours(1));
            if (direct != null) { // object storage: the client GETs the presigned URL (without our Authorization)
                ex.header("Location", direct);
                ex.empty(302);
                return;
            }
        }
        ex.header("Content-Disposition", disposition(path));
        String inm = ex.header("If-None-Match");
        if (inm != null && (inm.equals(etag) || inm.equals("W/" + etag) || inm.equals("*"))) {
            ex.empty(304);
            return;
        }
        if (!ex.isHead() && "1".equals(ex.header("X-HF-Download-Counter"))) {
            hub.meta().countDownload(repo.type(), repo.namespace(), repo.name());
        }
        if (e.lfs() != null) {
            FileChannel ch;
            try {
                ch = hub.blobs().open(e.lfs().oid());
            } catch (NoSuchFileException missing) {
                throw new HubException(404, "EntryNotFound", "The LFS object of " + path + " (" + e.lfs().oid()
                        + ") is missing from this hub", null, Map.of("X-Repo-Commit", commit.name()));
            }
            try (ch) {
                send(ex, ch, size, contentType(path));
            }
        } else if (ex.isHead()) {
            head(ex, size, contentType(path));
            ex.stream();
        } else {
            sendBlob(ex, git.blob(repo.storageId(), e.id()), size, contentType(path));
        }
    }

    static String contentType(String path) {
        String t = MimeTypes.DEFAULTS.getMimeByExtension(path);
        return t == null ? OCTETS : t;
    }

    private static String disposition(String path) {
        String base = path.substring(path.lastIndexOf('/') + 1);
        String ascii = NOT_ASCII.matcher(base).replaceAll("_");
        return "inline; filename*=UTF-8''" + URLEncoder.encode(base, StandardCharsets.UTF_8).replace("+", "%20")
                + "; filename=\"" + ascii + "\";";
    }

    /** A satisfiable single range {@code [start, end]} of {@code size} bytes, null to send everything, 416 if unsatisfiable. */
    static long[] range(String header, long size) {
        if (header == null || !header.regionMatches(true, 0, "bytes=", 0, 6)) {
            return null;
        }
        String spec = header.substring(6).strip();
        if (spec.contains(",")) {
            return null; // several ranges: the whole body is a valid answer
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        String a = spec.substring(0, dash).strip();
        String b = spec.substring(dash + 1).strip();
        long start;
        long end;
        try {
            if (a.isEmpty()) {
                if (b.isEmpty()) {
                    return null;
                }
                long n = Long.parseLong(b);
                if (n <= 0 || size == 0) {
                    throw unsatisfiable(size);
                }
                start = Math.max(0, size - n);
                end = size - 1;
            } else {
                start = Long.parseLong(a);
                end = b.isEmpty() ? Long.MAX_VALUE : Long.parseLong(b);
                if (start < 0 || end < start) {
                    return null; // syntactically invalid: ignored, as RFC 9110 says
                }
                if (start >= size) {
                    throw unsatisfiable(size);
                }
                end = Math.min(end, size - 1);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return new long[] {start, end};
    }

    private static HubException unsatisfiable(long size) {
        return new HubException(416, null, "Requested range not satisfiable (size " + size + ")", null,
                Map.of("Content-Range", "bytes */" + size));
    }

    /** Status and length headers for a full or ranged answer; returns {start, length}. */
    private static long[] head(Exchange ex, long size, String contentType) {
        long[] r = range(ex.header("Range"), size);
        ex.header("Content-Type", contentType);
        if (r == null) {
            ex.status(200);
            ex.header("Content-Length", Long.toString(size));
            return new long[] {0, size};
        }
        ex.status(206);
        ex.header("Content-Range", "bytes " + r[0] + "-" + r[1] + "/" + size);
        ex.header("Content-Length", Long.toString(r[1] - r[0] + 1));
        return new long[] {r[0], r[1] - r[0] + 1};
    }

    /** Sends (a range of) a file; on HEAD only the headers. */
    static void send(Exchange ex, FileChannel ch, long size, String contentType) throws IOException {
        long[] span = head(ex, size, contentType);
        ex.stream(); // marks the response as ours; the body goes straight to Jetty below
        if (ex.isHead() || span[1] == 0) {
            return;
        }
        Response res = ex.response();
        long pos = span[0];
        long left = span[1];
        RetainableByteBuffer.Mutable pooled = ex.request().getComponents().getByteBufferPool()
                .acquire((int) Math.min(CHUNK, left), true);
        try {
            ByteBuffer buf = pooled.getByteBuffer();
            while (left > 0) {
                buf.clear();
                buf.limit((int) Math.min(buf.capacity(), left));
                while (buf.hasRemaining()) {
                    int n = ch.read(buf, pos + buf.position());
                    if (n < 0) {
                        throw new EOFException("file shorter than its recorded size");
                    }
                }
                buf.flip();
                pos += buf.remaining();
                left -= buf.remaining();
                try (Blocker.Callback cb = Blocker.callback()) {
                    res.write(left == 0, buf, cb);
                    cb.block();
                }
            }
        } finally {
            pooled.release();
        }
    }

    /** Sends (a range of) a git blob; on HEAD only the headers. */
    private static void sendBlob(Exchange ex, ObjectLoader blob, long size, String contentType) throws IOException {
        long[] span = head(ex, size, contentType);
        ex.stream();
        if (ex.isHead() || span[1] == 0) {
            return;
        }
        Response res = ex.response();
        if (!blob.isLarge()) {
            byte[] all = blob.getCachedBytes();
            try (Blocker.Callback cb = Blocker.callback()) {
                res.write(true, ByteBuffer.wrap(all, (int) span[0], (int) span[1]), cb);
                cb.block();
            }
            return;
        }
        try (InputStream in = blob.openStream()) {
            in.skipNBytes(span[0]);
            long left = span[1];
            byte[] buf = new byte[CHUNK];
            while (left > 0) {
                int n = in.readNBytes(buf, 0, (int) Math.min(buf.length, left));
                if (n <= 0) {
                    throw new EOFException("blob shorter than its size");
                }
                left -= n;
                try (Blocker.Callback cb = Blocker.callback()) {
                    res.write(left == 0, ByteBuffer.wrap(buf, 0, n), cb);
                    cb.block();
                }
            }
        }
    }
}
