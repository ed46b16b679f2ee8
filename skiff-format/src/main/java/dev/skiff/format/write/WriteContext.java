package dev.skiff.format.write;

import dev.skiff.format.SkopsFormatException;
import dev.skiff.format.json.PyJsonWriter;
import dev.skiff.format.loader.LoaderRegistry;
import dev.skiff.format.loader.NodeWriter;
import dev.skiff.format.node.Node;
import dev.skiff.format.npy.Npy;
import dev.skiff.format.npy.NpyArray;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of one write: the JSON being built, the {@code __id__} of each node instance (one instance,
 * one id; distinct instances, distinct ids) and the zip members in the order they were produced.
 * Shared nodes are written in full at each occurrence, as Python skops does; the total is bounded.
 */
public final class WriteContext {
    private final PyJsonWriter json;
    private final LoaderRegistry registry;
    private final Map<Node, Long> ids = new IdentityHashMap<>();
    private final Map<String, byte[]> members = new LinkedHashMap<>();
    private final long maxNodesWritten;
    private final boolean compact;
    private final java.util.Set<Node> full = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private long nextId = 1;
    private long written;

    WriteContext(StringBuilder out, LoaderRegistry registry, long maxNodesWritten, boolean compact) {
        this.json = new PyJsonWriter(out);
        this.registry = registry;
        this.maxNodesWritten = maxNodesWritten;
        this.compact = compact;
    }

    /**
     * True when shared nodes are written once and then referenced by {@code __id__} alone (which Python's
     * reader resolves from its memo before looking at anything else). Then children must be written in the
     * order Python reads them, so that the full state always comes first.
     */
    public boolean compact() {
        return compact;
    }

    public PyJsonWriter json() {
        return json;
    }

    /** Writes {@code "__loader__": name}. */
    public void loader(String name) {
        json.key("__loader__").string(name);
    }

    /** Writes a complete node object. */
    public void node(Node n) throws IOException {
        open(n);
        close(n);
        json.endObject();
    }

    void open(Node n) throws IOException {
        if (n == null) {
            throw new SkopsFormatException("cannot write a missing (null) node");
        }
        if (++written > maxNodesWritten) {
            throw new SkopsFormatException("writing would expand shared nodes past " + maxNodesWritten
                    + " node states; the tree shares too much to serialise as skops does");
        }
        json.beginObject();
        json.key("__class__").string(n.className());
        json.key("__module__").string(n.module());
        if (compact && !full.add(n)) {
            loader(n.loader()); // a reference: Python returns the node already read under this id
            return;
        }
        writer(n).write(n, this);
    }

    /** Writes the {@code __id__}; the caller ends the object (the root adds the protocol first). */
    void close(Node n) {
        json.key("__id__").number(id(n));
    }

    @SuppressWarnings("unchecked")
    private <N extends Node> NodeWriter<N> writer(N n) {
        return (NodeWriter<N>) registry.writer(n.getClass());
    }

    /** The id of a node instance, given on first sight. */
    public long id(Node n) {
        return ids.computeIfAbsent(n, k -> nextId++);
    }

    /** Adds the {@code .npy} member of an array node (once per node) and returns its name. */
    public String npy(Node owner, NpyArray array) {
        String name = id(owner) + ".npy";
        members.computeIfAbsent(name, k -> Npy.write(array));
        return name;
    }

    /** Adds the {@code .npz} member of a sparse matrix node and returns its name. */
    public String npz(Node owner, byte[] bytes) {
        String name = id(owner) + ".npz";
        members.putIfAbsent(name, bytes);
        return name;
    }

    /** Adds the {@code .bin} member of a bytes node; named like Python's uuid4 names, but reproducibly. */
    public String bin(Node owner, byte[] bytes) {
        String name = String.format("%08x-0000-4000-8000-%012x.bin", 0x536b6966, id(owner));
        members.putIfAbsent(name, bytes);
        return name;
    }

    Map<String, byte[]> members() {
        return members;
    }
}
