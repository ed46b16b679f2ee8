package dev.skiff.format.read;

import dev.skiff.format.ReadLimits;
import dev.skiff.format.SkopsFile;
import dev.skiff.format.SkopsFormatException;
import dev.skiff.format.json.Json;
import dev.skiff.format.json.JsonParser;
import dev.skiff.format.json.JsonSyntaxException;
import dev.skiff.format.loader.LoaderRegistry;
import dev.skiff.format.node.Node;
import dev.skiff.format.node.Paths;

import java.math.BigInteger;

/** Reads {@code schema.json} and the members it names into a node tree. Pure data: nothing is resolved or run. */
public final class SkopsReader {
    private final ReadLimits limits;
    private final LoaderRegistry registry;

    public SkopsReader(ReadLimits limits, LoaderRegistry registry) {
        this.limits = limits;
        this.registry = registry;
    }

    public SkopsFile read(MemberSource members) throws SkopsFormatException {
        if (!members.names().contains("schema.json")) {
            throw new SkopsFormatException("not a .skops file: no schema.json member");
        }
        byte[] schemaBytes = members.read("schema.json", limits.maxSchemaBytes());
        Json schema;
        try {
            // a node is about three JSON levels deep (state, content, child)
            schema = new JsonParser(limits.maxDepth() * 4 + 16, limits.maxSchemaBytes()).parse(schemaBytes);
        } catch (JsonSyntaxException e) {
            throw new SkopsFormatException("schema.json is not valid JSON: " + e.getMessage());
        }
        if (!(schema instanceof Json.JObject root)) {
            throw new SkopsFormatException("schema.json must hold a JSON object, found a JSON " + schema.kind());
        }
        int protocol = protocol(root);
        String version = root.get("_skops_version") instanceof Json.JString s ? s.value() : null;
        ReadContext ctx = new ReadContext(members, protocol, limits, registry);
        Node tree = ctx.node(root, Paths.ROOT);
        return new SkopsFile(tree, protocol, version);
    }

    private static int protocol(Json.JObject root) throws SkopsFormatException {
        Json p = root.get("protocol");
        if (p == null) {
            throw new SkopsFormatException("schema.json has no \"protocol\"");
        }
        if (!(p instanceof Json.JNumber n) || !n.integral()) {
            throw new SkopsFormatException("schema.json \"protocol\" must be an integer, found a JSON " + p.kind());
        }
        BigInteger v = new BigInteger(n.text());
        if (v.signum() < 0 || v.bitLength() > 31) {
            throw new SkopsFormatException("schema.json \"protocol\" " + n.text() + " is out of range");
        }
        return v.intValue();
    }
}
