package dev.skiff.format.loader;

import dev.skiff.format.SkopsFormatException;
import dev.skiff.format.json.Json;
import dev.skiff.format.json.JsonSyntaxException;
import dev.skiff.format.json.PyValues;
import dev.skiff.format.node.DTypeNode;
import dev.skiff.format.node.DictNode;
import dev.skiff.format.node.JsonNode;
import dev.skiff.format.node.ListNode;
import dev.skiff.format.node.MaskedArrayNode;
import dev.skiff.format.node.NdArrayNode;
import dev.skiff.format.node.Node;
import dev.skiff.format.node.ObjectArrayNode;
import dev.skiff.format.node.Paths;
import dev.skiff.format.node.RandomGeneratorNode;
import dev.skiff.format.node.RandomStateNode;
import dev.skiff.format.read.State;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loaders for numpy arrays, scalars, dtypes, masked arrays and random states (skops {@code _numpy.py}). */
final class NumpyLoaders {
    private NumpyLoaders() {
    }

    static void register(LoaderRegistry r) {
        r.reader("NdArrayNode", NumpyLoaders::readArray);
        r.writer(NdArrayNode.class, (n, w) -> {
            w.loader("NdArrayNode");
            w.json().key("type").string("numpy");
            w.json().key("file").string(w.npy(n, n.array()));
        });
        r.writer(ObjectArrayNode.class, (n, w) -> {
            w.loader("NdArrayNode");
            w.json().key("content").beginArray();
            for (Node item : n.items()) {
                w.node(item);
            }
            w.json().endArray();
            w.json().key("type").string("json");
            w.json().key("shape");
            w.node(n.shape());
        });

        r.reader("MaskedArrayNode", s -> {
            Json.JObject c = s.object("content");
            Node data = s.child(s.field(c, "content", "data"), ".data");
            Node mask = s.child(s.field(c, "content", "mask"), ".mask");
            return new MaskedArrayNode(s.className(), s.module(), s.id(), data, mask);
        });
        r.writer(MaskedArrayNode.class, (n, w) -> {
            w.loader("MaskedArrayNode");
            w.json().key("content").beginObject().key("data");
            w.node(n.data());
            w.json().key("mask");
            w.node(n.mask());
            w.json().endObject();
        });

        r.reader("DTypeNode", s -> new DTypeNode(s.className(), s.module(), s.id(), s.child("content", ".dtype")));
        r.writer(DTypeNode.class, (n, w) -> {
            w.loader("DTypeNode");
            w.json().key("content");
            w.node(n.content());
        });

        r.reader("RandomStateNode", s ->
                new RandomStateNode(s.className(), s.module(), s.id(), s.child("content", ".state")));
        r.writer(RandomStateNode.class, (n, w) -> {
            w.loader("RandomStateNode");
            w.json().key("content");
            w.node(n.content());
        });

        r.reader("RandomGeneratorNode", s -> readGenerator(s, true));
        r.reader("RandomGeneratorNode", 1, s -> readGenerator(s, false));
        r.reader("RandomGeneratorNode", 0, NumpyLoaders::readGeneratorV0);
        r.writer(RandomGeneratorNode.class, (n, w) -> {
            w.loader("RandomGeneratorNode");
            w.json().key("content").beginObject().key("bit_generator");
            w.node(n.bitGenerator());
            w.json().key("seed_seq");
            // Files of protocol 1 and older carry no seed sequence; an empty one is what numpy then uses,
            // and the bit generator's state (restored next) decides the stream.
            w.node(n.seedSeq() != null ? n.seedSeq() : DictNode.ofStrings(Map.of()));
            w.json().endObject();
        });
    }

    private static Node readArray(State s) throws SkopsFormatException {
        String type = s.string("type");
        return switch (type) {
            case "numpy" -> new NdArrayNode(s.className(), s.module(), s.id(), s.npy("file"));
            case "json" -> {
                List<Json> raw = s.array("content");
                List<Node> items = new ArrayList<>(raw.size());
                for (int i = 0; i < raw.size(); i++) {
                    items.add(s.child(raw.get(i), Paths.index(i)));
                }
                yield new ObjectArrayNode(s.className(), s.module(), s.id(), items, s.child("shape", ".shape"));
            }
            default -> throw s.error("unknown array type \"" + type + "\" (expected \"numpy\" or \"json\")");
        };
    }

    private static Node readGenerator(State s, boolean withSeedSeq) throws SkopsFormatException {
        Json.JObject c = s.object("content");
        Json bgState = s.field(c, "content", "bit_generator");
        String name = bitGeneratorName(s, bgState);
        Node bg = s.child(bgState, ".bit_generator");
        Node seedSeq = withSeedSeq ? s.child(s.field(c, "content", "seed_seq"), ".seed_seq") : null;
        return new RandomGeneratorNode(s.className(), s.module(), s.id(), bg, seedSeq, name);
    }

    /** The bit generator's class name, read from the raw state exactly where numpy keeps it. */
    private static String bitGeneratorName(State s, Json bgState) throws SkopsFormatException {
        if (bgState instanceof Json.JObject o && o.get("content") instanceof Json.JObject content
                && content.get("bit_generator") instanceof Json.JObject nameState
                && nameState.get("content") instanceof Json.JString text) {
            try {
                if (PyValues.loads(text.value()) instanceof String name) {
                    return name;
                }
            } catch (JsonSyntaxException ignored) {
                // reported below
            }
        }
        throw s.error("cannot find the bit generator name in the numpy.random.Generator state"
                + " (corrupted or malicious file)");
    }

    /** Protocol 0 kept the bit generator state as a raw JSON dict; it becomes ordinary nodes here. */
    private static Node readGeneratorV0(State s) throws SkopsFormatException {
        Json.JObject c = s.object("content");
        Json raw = s.field(c, "content", "bit_generator");
        if (!(raw instanceof Json.JObject o) || !(o.get("bit_generator") instanceof Json.JString name)) {
            throw s.error("cannot find the bit generator name in the numpy.random.Generator state");
        }
        return new RandomGeneratorNode(s.className(), s.module(), s.id(), fromRaw(o), null, name.value());
    }

    private static Node fromRaw(Json j) {
        return switch (j) {
            case Json.JObject o -> {
                Map<String, Node> m = new LinkedHashMap<>();
                o.fields().forEach((k, v) -> m.put(k, fromRaw(v)));
                yield DictNode.ofStrings(m);
            }
            case Json.JArray a -> new ListNode("list", "builtins", 0, a.items().stream().map(NumpyLoaders::fromRaw).toList());
            case Json.JString str -> JsonNode.of(str.value());
            case Json.JNumber n -> new JsonNode("str", "builtins", 0, n.text());
            case Json.JBool b -> JsonNode.of(b.value());
            case Json.JNull ignored -> JsonNode.of(null);
        };
    }
}
