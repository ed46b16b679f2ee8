package dev.skiff.format.loader;

import dev.skiff.format.node.Node;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which reader handles a {@code __loader__} name at a protocol, and which writer serialises a node type.
 * A new loader (a third-party library's type, say) is added by registering it here; nothing else changes.
 */
public final class LoaderRegistry {
    /** The newest skops persistence protocol; Skiff writes it. */
    public static final int PROTOCOL = 2;

    private final Map<String, NodeReader> readers = new HashMap<>();
    private final Map<Class<?>, NodeWriter<?>> writers = new HashMap<>();

    private static final LoaderRegistry DEFAULTS = createDefaults();

    /** The loaders of skops protocols 0 to 2. Shared and read-only: copy it to add loaders. */
    public static LoaderRegistry defaults() {
        return DEFAULTS;
    }

    private static LoaderRegistry createDefaults() {
        LoaderRegistry r = new LoaderRegistry();
        GeneralLoaders.register(r);
        NumpyLoaders.register(r);
        ScipyLoaders.register(r);
        SklearnLoaders.register(r);
        return r;
    }

    /** A mutable copy, for registering more loaders. */
    public LoaderRegistry copy() {
        LoaderRegistry r = new LoaderRegistry();
        r.readers.putAll(readers);
        r.writers.putAll(writers);
        return r;
    }

    /** Registers a reader for the current protocol. */
    public LoaderRegistry reader(String loader, NodeReader reader) {
        return reader(loader, PROTOCOL, reader);
    }

    /** Registers a reader used only for files of one (older) protocol. */
    public LoaderRegistry reader(String loader, int protocol, NodeReader reader) {
        readers.put(loader + "@" + protocol, reader);
        return this;
    }

    public <N extends Node> LoaderRegistry writer(Class<N> type, NodeWriter<N> writer) {
        writers.put(type, writer);
        return this;
    }

    /** Like skops: the protocol's own reader, else the current one; null when the loader is unknown. */
    public NodeReader reader(String loader, int protocol) {
        NodeReader r = readers.get(loader + "@" + protocol);
        return r != null ? r : readers.get(loader + "@" + PROTOCOL);
    }

    @SuppressWarnings("unchecked")
    public <N extends Node> NodeWriter<N> writer(Class<N> type) {
        NodeWriter<N> w = (NodeWriter<N>) writers.get(type);
        if (w == null) {
            throw new IllegalStateException("no writer registered for " + type.getSimpleName());
        }
        return w;
    }

    /** The loader names this registry reads at the current protocol. */
    public Set<String> loaderNames() {
        Set<String> out = new TreeSet<>();
        readers.keySet().forEach(k -> out.add(k.substring(0, k.indexOf('@'))));
        return out;
    }
}
