package dev.skiff.format.write;

import dev.skiff.format.SkopsFormatException;
import dev.skiff.format.loader.LoaderRegistry;
import dev.skiff.format.node.Node;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Serialises a node tree as a protocol-2 {@code .skops} zip that Python skops loads: members in the order
 * produced, {@code schema.json} last, the schema laid out as Python's {@code json.dumps(indent=2)}.
 * Output is reproducible: the same tree gives the same bytes.
 */
public final class SkopsWriter {
    private static final LocalDateTime ZIP_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private final LoaderRegistry registry;
    private final long maxNodesWritten;

    public SkopsWriter(LoaderRegistry registry, long maxNodesWritten) {
        this.registry = registry;
        this.maxNodesWritten = maxNodesWritten;
    }

    public SkopsWriter() {
        this(LoaderRegistry.defaults(), 50_000_000L);
    }

    /** The {@code schema.json} text and members of {@code root}. */
    public Map<String, byte[]> members(Node root, WriteOptions options) throws IOException {
        StringBuilder json = new StringBuilder(64 * 1024);
        WriteContext ctx = new WriteContext(json, registry, maxNodesWritten, needsCompact(root));
        ctx.open(root);
        ctx.close(root);
        ctx.json().key("protocol").number(LoaderRegistry.PROTOCOL);
        ctx.json().key("_skops_version").string(options.skopsVersion());
        ctx.json().endObject();
        Map<String, byte[]> members = ctx.members();
        if (members.containsKey("schema.json")) {
            throw new SkopsFormatException("a member may not be named schema.json");
        }
        members.put("schema.json", json.toString().getBytes(StandardCharsets.US_ASCII));
        return members;
    }

    /**
     * Python writes a shared object in full at every occurrence, and so does Skiff, unless the tree shares so
     * much that this would explode (a crafted DAG doubles with each level): then repeats become references.
     */
    static boolean needsCompact(Node root) {
        Map<Node, Long> size = new IdentityHashMap<>();
        long expanded = expandedSize(root, size);
        return expanded > 4L * size.size() + 100_000;
    }

    private static long expandedSize(Node n, Map<Node, Long> memo) {
        Long known = memo.get(n);
        if (known != null) {
            return known;
        }
        long total = 1;
        for (Node.Child c : n.children()) {
            total += expandedSize(c.node(), memo);
            if (total < 0 || total > Long.MAX_VALUE / 4) {
                total = Long.MAX_VALUE / 4;
            }
        }
        memo.put(n, total);
        return total;
    }

    public void write(Node root, WriteOptions options, OutputStream out) throws IOException {
        Map<String, byte[]> members = members(root, options);
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.setLevel(options.level());
        for (Map.Entry<String, byte[]> m : members.entrySet()) {
            zip.putNextEntry(entry(m.getKey(), m.getValue(), options.compress()));
            zip.write(m.getValue());
            zip.closeEntry();
        }
        zip.finish();
    }

    public byte[] write(Node root, WriteOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(root, options, out);
        return out.toByteArray();
    }

    /** Writes to a temporary file beside {@code target} and renames it into place, so a crash leaves no half file. */
    public void write(Node root, WriteOptions options, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(root, options, out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static ZipEntry entry(String name, byte[] data, boolean compress) {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(ZIP_TIME);
        if (compress) {
            e.setMethod(ZipEntry.DEFLATED);
        } else {
            CRC32 crc = new CRC32();
            crc.update(data);
            e.setMethod(ZipEntry.STORED);
            e.setSize(data.length);
            e.setCompressedSize(data.length);
            e.setCrc(crc.getValue());
        }
        return e;
    }
}
