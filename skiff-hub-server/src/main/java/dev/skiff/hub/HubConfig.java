package dev.skiff.hub;

import java.nio.file.Path;

/**
 * How a hub runs.
 *
 * @param host               interface to listen on
 * @param port               port (0 picks a free one)
 * @param dataDir            git repositories, LFS objects and (by default) the SQLite database live here
 * @param dbUrl              {@code postgresql://user:pass@host:port/db} or a JDBC URL; null for SQLite in {@code dataDir}
 * @param publicUrl          the URL clients use (absolute links, LFS hrefs); null derives it from host and port
 * @param regularUploadMax   files up to this size are answered {@code uploadMode: "regular"} at preupload, which is
 *                           what lets a stock client with {@code hf_xet} upload without Xet; larger files go to LFS
 * @param lfsChunkSize       part size offered for LFS multipart uploads
 * @param lfsMultipartAbove  LFS objects larger than this are uploaded in parts
 */
public record HubConfig(String host, int port, Path dataDir, String dbUrl, String publicUrl,
                        long regularUploadMax, long lfsChunkSize, long lfsMultipartAbove) {

    public static final long DEFAULT_REGULAR_UPLOAD_MAX = 512L << 20;

    public static HubConfig defaults(Path dataDir) {
        return new HubConfig("127.0.0.1", 8000, dataDir, null, null, DEFAULT_REGULAR_UPLOAD_MAX, 16L << 20, 32L << 20);
    }

    public HubConfig withPort(int p) {
        return new HubConfig(host, p, dataDir, dbUrl, publicUrl, regularUploadMax, lfsChunkSize, lfsMultipartAbove);
    }

    public HubConfig withHost(String h) {
        return new HubConfig(h, port, dataDir, dbUrl, publicUrl, regularUploadMax, lfsChunkSize, lfsMultipartAbove);
    }

    public HubConfig withDbUrl(String url) {
        return new HubConfig(host, port, dataDir, url, publicUrl, regularUploadMax, lfsChunkSize, lfsMultipartAbove);
    }

    public HubConfig withPublicUrl(String url) {
        return new HubConfig(host, port, dataDir, dbUrl, url, regularUploadMax, lfsChunkSize, lfsMultipartAbove);
    }

    public HubConfig withRegularUploadMax(long bytes) {
        return new HubConfig(host, port, dataDir, dbUrl, publicUrl, bytes, lfsChunkSize, lfsMultipartAbove);
    }

    public HubConfig withLfsMultipart(long chunkSize, long above) {
        return new HubConfig(host, port, dataDir, dbUrl, publicUrl, regularUploadMax, chunkSize, above);
    }
}
