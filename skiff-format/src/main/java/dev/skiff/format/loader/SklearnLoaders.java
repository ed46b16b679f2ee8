package dev.skiff.format.loader;

import dev.skiff.format.SkopsFormatException;
import dev.skiff.format.json.Json;
import dev.skiff.format.node.DictWithDeprecatedKeysNode;
import dev.skiff.format.node.LossNode;
import dev.skiff.format.node.Node;
import dev.skiff.format.node.QuantileForestNode;
import dev.skiff.format.node.ReduceNode;
import dev.skiff.format.node.TreeNode;
import dev.skiff.format.read.State;
import dev.skiff.format.write.WriteContext;

import java.io.IOException;

/** Loaders for scikit-learn's Cython types and quantile-forest (skops {@code _sklearn.py}, {@code _quantile_forest.py}). */
final class SklearnLoaders {
    private SklearnLoaders() {
    }

    @FunctionalInterface
    private interface ReduceFactory {
        Node make(String cls, String module, long id, Node args, Node state);
    }

    static void register(LoaderRegistry r) {
        r.reader("TreeNode", s -> readReduce(s, TreeNode::new));
        r.writer(TreeNode.class, (n, w) -> writeReduce(n, w));
        r.reader("LossNode", s -> readReduce(s, LossNode::new));
        // skops 0.10 and older wrote SGD losses as "SGDNode" (same state); Skiff reads them and writes LossNode
        r.reader("SGDNode", s -> readReduce(s, LossNode::new));
        r.writer(LossNode.class, (n, w) -> writeReduce(n, w));
        r.reader("QuantileForestNode", s -> readReduce(s, QuantileForestNode::new));
        r.writer(QuantileForestNode.class, (n, w) -> writeReduce(n, w));

        r.reader("_DictWithDeprecatedKeysNode", s -> {
            Json.JObject c = s.object("content");
            Node main = s.child(s.field(c, "content", "main"), ".main");
            Node map = s.child(s.field(c, "content", "_deprecated_key_to_new_key"), "._deprecated_key_to_new_key");
            return new DictWithDeprecatedKeysNode(s.className(), s.module(), s.id(), main, map);
        });
        r.writer(DictWithDeprecatedKeysNode.class, (n, w) -> {
            w.loader("_DictWithDeprecatedKeysNode");
            w.json().key("content").beginObject().key("main");
            w.node(n.main());
            w.json().key("_deprecated_key_to_new_key");
            w.node(n.deprecatedKeyToNewKey());
            w.json().endObject();
        });
    }

    /** skops builds the state ({@code content}) before the constructor arguments. */
    private static Node readReduce(State s, ReduceFactory factory) throws SkopsFormatException {
        Node state = s.child("content", ".__getstate__");
        Json.JObject reduce = s.object("__reduce__");
        Node args = s.child(s.field(reduce, "__reduce__", "args"), ".__reduce__.args");
        return factory.make(s.className(), s.module(), s.id(), args, state);
    }

    /** Python writes {@code __reduce__} and {@code content} before {@code __loader__} for these nodes. */
    private static void writeReduce(ReduceNode n, WriteContext w) throws IOException {
        if (w.compact()) { // Python reads the state before the arguments
            w.json().key("content");
            w.node(n.state());
        }
        w.json().key("__reduce__").beginObject().key("args");
        w.node(n.args());
        w.json().endObject();
        if (!w.compact()) {
            w.json().key("content");
            w.node(n.state());
        }
        w.loader(n.loader());
    }
}
