package dev.skiff.runtime.compose;

import dev.skiff.format.node.DictNode;
import dev.skiff.format.node.Node;
import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.build.Attrs;
import dev.skiff.runtime.encode.PyObjects;

import java.util.HashMap;
import java.util.Map;

/** {@code transformer_weights}: a dict from transformer name to a multiplier, or None. */
final class Weights {
    private Weights() {
    }

    static Map<String, Number> read(Attrs a) throws ModelBuildException {
        Map<String, Number> out = new HashMap<>();
        if (a.isNone("transformer_weights")) {
            return out;
        }
        if (!(a.node("transformer_weights") instanceof DictNode d)) {
            throw a.error("transformer_weights", "is not a dict");
        }
        for (Map.Entry<String, Node> e : d.asMap().entrySet()) {
            String where = a.pathOf("transformer_weights") + "[\"" + e.getKey() + "\"]";
            Object v = PyObjects.scalar(e.getValue(), where);
            if (v == null) {
                continue;
            }
            if (v instanceof Boolean b) {
                out.put(e.getKey(), b ? 1L : 0L);
            } else if (v instanceof Number x) {
                out.put(e.getKey(), x);
            } else {
                throw new ModelBuildException(where + ": weight " + PyObjects.repr(v) + " is not a number");
            }
        }
        return out;
    }
}
