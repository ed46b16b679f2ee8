package dev.skiff.format.read;

import dev.skiff.format.ReadLimits;
import dev.skiff.format.SkopsFormatException;
import dev.skiff.format.json.Json;
import dev.skiff.format.loader.LoaderRegistry;
import dev.skiff.format.loader.NodeReader;
import dev.skiff.format.node.Node;
import dev.skiff.format.npy.Npy;
import dev.skiff.format.npy.NpyArray;
import dev.skiff.format.npy.NpyFormatException;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The state of one read: the archive, the protocol, the {@code __id__} memo that makes shared ids one
 * node, and the counters that bound the work. Nothing here loads a class or runs code from the file.
 */
public final class ReadContext {
    private final MemberSource members;
    private final int protocol;
    private final ReadLimits limits;
    private final LoaderRegistry registry;
    private final Map<Long, Node> memo = new HashMap<>();
    private final Set<Long> building = new HashSet<>();
    private final Map<String, NpyArray> arrays = new HashMap<>();
    private final Set<String> membersUsed = new HashSet<>();
    private int depth;
    private int nodes;

    public ReadContext(MemberSource members, int protocol, ReadLimits limits, LoaderRegistry registry) {
        this.members = members;
        this.protocol = protocol;
        this.limits = limits;
        this.registry = registry;
    }

    public int protocol() {
        return protocol;
    }

    public ReadLimits limits() {
        return limits;
    }

    /** Reads the node whose state is {@code json}, at {@code path}; shared ids give the same node. */
    public Node node(Json json, String path) throws SkopsFormatException {
        return node(json, new NodePath(null, path));
    }

    Node node(Json json, NodePath path) throws SkopsFormatException {
        if (!(json instanceof Json.JObject obj)) {
            throw SkopsFormatException.at(path.toString(), "expected a node (JSON object), found a JSON " + json.kind());
        }
        State state = new State(obj, path, this);
        long id = state.id();
        if (id != 0) {
            Node known = memo.get(id);
            if (known != null) {
                return known;
            }
            if (building.contains(id)) {
                throw SkopsFormatException.at(path.toString(), "__id__ " + id + " refers to one of its own ancestors (a cycle)");
            }
        }
        String loader = state.string("__loader__");
        state.string("__class__");
        state.string("__module__");
        NodeReader reader = registry.reader(loader, protocol);
        if (reader == null) {
            throw SkopsFormatException.at(path.toString(), "unknown loader \"" + loader + "\" for type " + state.typeName()
                    + " (protocol " + protocol + ")");
        }
        if (++nodes > limits.maxNodes()) {
            throw SkopsFormatException.at(path.toString(), "more than " + limits.maxNodes() + " nodes");
        }
        if (++depth > limits.maxDepth()) {
            throw SkopsFormatException.at(path.toString(), "nodes nested deeper than " + limits.maxDepth() + " levels");
        }
        if (id != 0) {
            building.add(id);
        }
        try {
            Node node = reader.read(state);
            if (id != 0) {
                memo.put(id, node);
            }
            return node;
        } finally {
            depth--;
            building.remove(id);
        }
    }

    /** The node already read under {@code id}, or null ({@code CachedNode} uses this). */
    public Node known(long id) {
        return memo.get(id);
    }

    /** Raw bytes of a member ({@code .bin}, {@code .npz}). */
    public byte[] member(String name, String path) throws SkopsFormatException {
        try {
            membersUsed.add(name);
            return members.read(name, limits.maxMemberBytes());
        } catch (SkopsFormatException e) {
            throw SkopsFormatException.at(path, e.getMessage());
        }
    }

    /** A decoded {@code .npy} member; one member referenced twice is decoded once. */
    public NpyArray npy(String name, String path) throws SkopsFormatException {
        NpyArray cached = arrays.get(name);
        if (cached != null) {
            return cached;
        }
        byte[] bytes = member(name, path);
        try {
            NpyArray a = Npy.read(bytes, limits.npyLimits(bytes.length));
            arrays.put(name, a);
            return a;
        } catch (NpyFormatException e) {
            throw SkopsFormatException.at(path, "member \"" + name + "\": " + e.getMessage());
        }
    }
}
