package dev.skiff.hub.lfs;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Signs and checks self-authorising hrefs: HMAC-SHA256 over (purpose, scope, oid, size, expiry, part) with a secret
 * key kept in a file of the data directory (created with owner-only permissions on first use). The Python client
 * sends no {@code Authorization} header on LFS PUTs, part uploads and multipart completion, so those hrefs carry
 * their own authority; what they allow is narrow (store bytes that must hash to {@code oid}).
 */
public final class HrefSigner {
    private final byte[] key;

    public HrefSigner(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("an href signing key needs at least 32 bytes");
        }
        this.key = key.clone();
    }

    /** The key in {@code file}, created (32 random bytes, mode 600) if absent. */
    public static HrefSigner fromKeyFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            byte[] k = new byte[32];
            new SecureRandom().nextBytes(k);
            Path tmp = Files.createTempFile(file.getParent(), ".key-", ".tmp");
            try {
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
                Files.write(tmp, k);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file);
                }
            } catch (FileAlreadyExistsException e) {
                // another process won the race; use its key
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return new HrefSigner(Files.readAllBytes(file));
    }

    /** The signature (base64url, no padding) of these fields. */
    public String sign(String purpose, String scope, String oid, long size, long expiresEpochSecond, int part) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String msg = purpose + "\n" + scope + "\n" + oid + "\n" + size + "\n" + expiresEpochSecond + "\n" + part;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(msg.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True if {@code sig} signs these fields and the expiry has not passed. */
    public boolean check(String sig, String purpose, String scope, String oid, long size, long expiresEpochSecond, int part,
                         long nowEpochSecond) {
        if (sig == null || expiresEpochSecond < nowEpochSecond) {
            return false;
        }
        byte[] want = sign(purpose, scope, oid, size, expiresEpochSecond, part).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(want, sig.getBytes(StandardCharsets.US_ASCII));
    }
}
