package dev.skiff.format.node;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dict ({@code DictNode}): entries in order, keys as the JSON strings Python wrote, and the
 * {@code key_types} list that turns each key back into its Python type ({@code str}, {@code int}, ...).
 * Every estimator's attributes are one of these.
 */
public record DictNode(String className, String module, long id, List<Entry> entries, Node keyTypes)
        implements Node {

    private static final TypeNode STR = new TypeNode("str", "builtins", 0);

    public DictNode {
        entries = List.copyOf(entries);
    }

    /** A plain {@code dict} with string keys. */
    public static DictNode ofStrings(Map<String, ? extends Node> items) {
        List<Entry> es = new ArrayList<>();
        List<Node> types = new ArrayList<>();
        items.forEach((k, v) -> {
            es.add(new Entry(k, v));
            types.add(STR);
        });
        return new DictNode("dict", "builtins", 0, es, new ListNode("list", "builtins", 0, types));
    }

    @Override
    public String loader() {
        return "DictNode";
    }

    @Override
    public List<Child> children() {
        List<Child> out = new ArrayList<>(entries.size() + 1);
        out.add(new Child(".key_types", keyTypes));
        for (Entry e : entries) {
            out.add(new Child(Paths.key(e.key()), e.value()));
        }
        return out;
    }

    /** The value under a string key, or null. */
    public Node get(String key) {
        for (Entry e : entries) {
            if (e.key().equals(key)) {
                return e.value();
            }
        }
        return null;
    }

    /** The entries as an ordered map (last one wins on repeated keys, as in Python). */
    public Map<String, Node> asMap() {
        Map<String, Node> m = new LinkedHashMap<>();
        entries.forEach(e -> m.put(e.key(), e.value()));
        return Collections.unmodifiableMap(m);
    }

    public record Entry(String key, Node value) {
    }
}
