package dev.skiff.format;

import dev.skiff.format.audit.Audit;
import dev.skiff.format.audit.AuditReport;
import dev.skiff.format.audit.TrustPolicy;
import dev.skiff.format.audit.UntrustedType;
import dev.skiff.format.audit.UntrustedTypesException;
import dev.skiff.format.loader.LoaderRegistry;
import dev.skiff.format.node.Node;
import dev.skiff.format.read.SkopsReader;
import dev.skiff.format.read.ZipMembers;
import dev.skiff.format.write.SkopsWriter;
import dev.skiff.format.write.WriteOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point for {@code .skops} files: read a tree, audit it, load it (read + audit, refusing
 * untrusted types), write it back. Reading never loads a class or runs anything from the file.
 */
public final class Skops {
    private Skops() {
    }

    /** Reads the node tree without judging it (for inspection). */
    public static SkopsFile read(Path file) throws SkopsFormatException {
        return read(file, ReadLimits.DEFAULT, LoaderRegistry.defaults());
    }

    public static SkopsFile read(Path file, ReadLimits limits, LoaderRegistry registry) throws SkopsFormatException {
        if (!Files.isRegularFile(file)) {
            throw new SkopsFormatException("no such file: " + file);
        }
        try (ZipMembers zip = ZipMembers.open(file, limits)) {
            return new SkopsReader(limits, registry).read(zip);
        } catch (StackOverflowError e) {
            throw new SkopsFormatException("nesting too deep to read (raise the thread stack size or lower maxDepth)");
        }
    }

    /** Reads a file held in memory. */
    public static SkopsFile read(byte[] data) throws SkopsFormatException {
        try {
            Path tmp = Files.createTempFile("skiff", ".skops");
            try {
                Files.write(tmp, data);
                return read(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (SkopsFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new SkopsFormatException("cannot buffer the file: " + e.getMessage(), e);
        }
    }

    /** Audits a tree: each untrusted type and its node paths. */
    public static AuditReport audit(SkopsFile file, TrustPolicy policy) {
        return Audit.run(file.root(), policy);
    }

    /** What Python's {@code skops.io.get_untrusted_types(file=...)} returns, with paths. */
    public static List<UntrustedType> untrustedTypes(Path file) throws SkopsFormatException {
        return audit(read(file), TrustPolicy.defaults()).untrusted();
    }

    /** Reads and audits; refuses the file unless every type is trusted by default or by {@code policy}. */
    public static TrustedSkops load(Path file, TrustPolicy policy) throws SkopsFormatException, UntrustedTypesException {
        return trust(read(file), policy);
    }

    /** Audits an already read tree and, if every type is trusted, vouches for it. */
    public static TrustedSkops trust(SkopsFile file, TrustPolicy policy) throws UntrustedTypesException {
        AuditReport byDefault = audit(file, TrustPolicy.defaults());
        List<UntrustedType> left = new ArrayList<>();
        for (UntrustedType u : byDefault.untrusted()) {
            if (!policy.trustedByCaller(u.type())) {
                left.add(u);
            }
        }
        if (!left.isEmpty()) {
            throw new UntrustedTypesException(new AuditReport(left));
        }
        return new TrustedSkops(file, policy, byDefault);
    }

    /** Writes a tree as a {@code .skops} file, atomically. */
    public static void write(Node root, Path target, WriteOptions options) throws IOException {
        new SkopsWriter().write(root, options, target);
    }

    public static byte[] write(Node root, WriteOptions options) throws IOException {
        return new SkopsWriter().write(root, options);
    }
}
