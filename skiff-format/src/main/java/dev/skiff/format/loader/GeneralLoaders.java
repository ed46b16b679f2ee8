package dev.skiff.format.loader;

import dev.skiff.format.SkopsFormatException;
import dev.skiff.format.json.Json;
import dev.skiff.format.json.JsonSyntaxException;
import dev.skiff.format.json.PyValues;
import dev.skiff.format.node.BytearrayNode;
import dev.skiff.format.node.BytesNode;
import dev.skiff.format.node.ConstructorFromReduceNode;
import dev.skiff.format.node.DefaultDictNode;
import dev.skiff.format.node.DictNode;
import dev.skiff.format.node.FunctionNode;
import dev.skiff.format.node.JsonNode;
import dev.skiff.format.node.ListNode;
import dev.skiff.format.node.MethodNode;
import dev.skiff.format.node.Node;
import dev.skiff.format.node.ObjectNode;
import dev.skiff.format.node.OperatorFuncNode;
import dev.skiff.format.node.PartialNode;
import dev.skiff.format.node.Paths;
import dev.skiff.format.node.SetNode;
import dev.skiff.format.node.SliceNode;
import dev.skiff.format.node.TupleNode;
import dev.skiff.format.node.TypeNode;
import dev.skiff.format.read.State;
import dev.skiff.format.write.WriteContext;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Loaders for Python builtins, collections, functools and operator types (skops {@code _general.py}). */
final class GeneralLoaders {
    private GeneralLoaders() {
    }

    static void register(LoaderRegistry r) {
        r.reader("JsonNode", GeneralLoaders::readJson);
        r.writer(JsonNode.class, (n, w) -> {
            w.loader("JsonNode");
            w.json().key("content").string(n.json());
            w.json().key("is_json").bool(true);
        });

        r.reader("DictNode", GeneralLoaders::readDict);
        r.writer(DictNode.class, (n, w) -> {
            w.loader("DictNode");
            if (w.compact()) { // Python reads key_types first
                w.json().key("key_types");
                w.node(n.keyTypes());
            }
            w.json().key("content").beginObject();
            for (DictNode.Entry e : n.entries()) {
                w.json().key(e.key());
                w.node(e.value());
            }
            w.json().endObject();
            if (!w.compact()) {
                w.json().key("key_types");
                w.node(n.keyTypes());
            }
        });

        r.reader("DefaultDictNode", s -> {
            Json.JObject c = s.object("content");
            Node main = s.child(s.field(c, "content", "main"), ".main");
            Node factory = s.child(s.field(c, "content", "default_factory"), ".default_factory");
            return new DefaultDictNode(s.className(), s.module(), s.id(), main, factory);
        });
        r.writer(DefaultDictNode.class, (n, w) -> {
            w.loader("DefaultDictNode");
            w.json().key("content").beginObject().key("main");
            w.node(n.main());
            w.json().key("default_factory");
            w.node(n.defaultFactory());
            w.json().endObject();
        });

        r.reader("ListNode", s -> new ListNode(s.className(), s.module(), s.id(), items(s)));
        r.writer(ListNode.class, (n, w) -> writeItems("ListNode", n.items(), w));
        r.reader("SetNode", s -> new SetNode(s.className(), s.module(), s.id(), items(s)));
        r.writer(SetNode.class, (n, w) -> writeItems("SetNode", n.items(), w));
        r.reader("TupleNode", s -> new TupleNode(s.className(), s.module(), s.id(), items(s)));
        r.writer(TupleNode.class, (n, w) -> writeItems("TupleNode", n.items(), w));

        r.reader("ObjectNode", s -> {
            Json content = s.json().get("content");
            Node attrs = content == null || content instanceof Json.JNull ? null : s.child(content, "");
            return new ObjectNode(s.className(), s.module(), s.id(), attrs);
        });
        r.writer(ObjectNode.class, (n, w) -> {
            w.loader("ObjectNode");
            if (n.attrs() != null) {
                w.json().key("content");
                w.node(n.attrs());
            }
        });

        r.reader("ConstructorFromReduceNode", s ->
                new ConstructorFromReduceNode(s.className(), s.module(), s.id(), s.child("content", ".args")));
        r.writer(ConstructorFromReduceNode.class, (n, w) -> {
            w.loader("ConstructorFromReduceNode");
            w.json().key("content");
            w.node(n.args());
        });

        r.reader("TypeNode", s -> new TypeNode(s.className(), s.module(), s.id()));
        r.writer(TypeNode.class, (n, w) -> w.loader("TypeNode"));

        r.reader("FunctionNode", s -> new FunctionNode(s.className(), s.module(), s.id(), false));
        r.reader("FunctionNode", 0, GeneralLoaders::readFunctionV0);
        r.writer(FunctionNode.class, (n, w) -> w.loader("FunctionNode"));

        r.reader("MethodNode", GeneralLoaders::readMethod);
        r.writer(MethodNode.class, (n, w) -> {
            w.loader("MethodNode");
            w.json().key("content").beginObject().key("func").string(n.func()).key("obj");
            w.node(n.obj());
            w.json().endObject();
        });

        r.reader("PartialNode", s -> {
            Json.JObject c = s.object("content");
            Node func = s.child(s.field(c, "content", "func"), ".func");
            Node args = s.child(s.field(c, "content", "args"), ".args");
            Node kwds = s.child(s.field(c, "content", "kwds"), ".keywords");
            Node ns = s.child(s.field(c, "content", "namespace"), ".__dict__");
            return new PartialNode(s.className(), s.module(), s.id(), func, args, kwds, ns);
        });
        r.writer(PartialNode.class, (n, w) -> {
            w.loader("PartialNode");
            w.json().key("content").beginObject().key("func");
            w.node(n.func());
            w.json().key("args");
            w.node(n.args());
            w.json().key("kwds");
            w.node(n.kwds());
            w.json().key("namespace");
            w.node(n.namespace());
            w.json().endObject();
        });

        r.reader("OperatorFuncNode", s -> {
            if (!"operator".equals(s.module())) {
                throw s.error("an operator function must have __module__ \"operator\", found \"" + s.module()
                        + "\" (corrupted or malicious file)");
            }
            return new OperatorFuncNode(s.className(), s.module(), s.id(), s.child("attrs", ".args"));
        });
        r.writer(OperatorFuncNode.class, (n, w) -> {
            w.loader("OperatorFuncNode");
            w.json().key("attrs");
            w.node(n.attrs());
        });

        r.reader("BytesNode", s -> new BytesNode(s.className(), s.module(), s.id(), s.member("file")));
        r.writer(BytesNode.class, (n, w) -> {
            w.loader("BytesNode");
            w.json().key("file").string(w.bin(n, n.data()));
        });
        r.reader("BytearrayNode", s -> new BytearrayNode(s.className(), s.module(), s.id(), s.member("file")));
        r.writer(BytearrayNode.class, (n, w) -> {
            w.loader("BytearrayNode");
            w.json().key("file").string(w.bin(n, n.data()));
        });

        r.reader("SliceNode", s -> {
            Json.JObject c = s.object("content");
            return new SliceNode(s.className(), s.module(), s.id(), s.field(c, "content", "start"),
                    s.field(c, "content", "stop"), s.field(c, "content", "step"));
        });
        r.writer(SliceNode.class, (n, w) -> {
            w.loader("SliceNode");
            w.json().key("content").beginObject()
                    .key("start").value(n.start()).key("stop").value(n.stop()).key("step").value(n.step())
                    .endObject();
        });

        // A CachedNode whose id was already read never gets here (the memo answers first), as in skops.
        r.reader("CachedNode", s -> {
            throw s.error("CachedNode refers to unknown __id__ " + s.id() + " (corrupted or malicious file)");
        });
    }

    private static Node readJson(State s) throws SkopsFormatException {
        String text = s.string("content");
        try {
            PyValues.loads(text);
        } catch (JsonSyntaxException e) {
            throw s.error("JsonNode content is not valid JSON: " + e.getMessage());
        }
        return new JsonNode(s.className(), s.module(), s.id(), text);
    }

    private static Node readDict(State s) throws SkopsFormatException {
        // Python builds key_types before the values; the order decides which state a shared id takes.
        Node keyTypes = s.child("key_types", ".key_types");
        Json.JObject content = s.object("content");
        List<DictNode.Entry> entries = new ArrayList<>(content.fields().size());
        for (Map.Entry<String, Json> e : content.fields().entrySet()) {
            entries.add(new DictNode.Entry(e.getKey(), s.child(e.getValue(), Paths.key(e.getKey()))));
        }
        if (!(keyTypes instanceof ListNode l)) {
            throw s.error("key_types must be a ListNode of types, found a " + keyTypes.loader());
        }
        if (l.items().size() != entries.size()) {
            throw s.error("key_types lists " + l.items().size() + " types for " + entries.size() + " keys");
        }
        return new DictNode(s.className(), s.module(), s.id(), entries, keyTypes);
    }

    private static List<Node> items(State s) throws SkopsFormatException {
        List<Json> raw = s.array("content");
        List<Node> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            out.add(s.child(raw.get(i), Paths.index(i)));
        }
        return out;
    }

    private static void writeItems(String loader, List<Node> items, WriteContext w) throws IOException {
        w.loader(loader);
        w.json().key("content").beginArray();
        for (Node item : items) {
            w.node(item);
        }
        w.json().endArray();
    }

    /** Protocol 0 named the function inside {@code content}; {@code __class__} was its type ("function", "ufunc"). */
    private static Node readFunctionV0(State s) throws SkopsFormatException {
        Json.JObject c = s.object("content");
        String module = s.string(s.field(c, "content", "module_path"), "content.module_path");
        String name = s.string(s.field(c, "content", "function"), "content.function");
        return new FunctionNode(name, module, s.id(), true);
    }

    private static Node readMethod(State s) throws SkopsFormatException {
        Json.JObject c = s.object("content");
        Node obj = s.child(s.field(c, "content", "obj"), ".__self__");
        String func = s.string(s.field(c, "content", "func"), "content.func");
        if (!obj.module().equals(s.module()) || !obj.className().equals(s.className())) {
            throw s.error("method node claims type " + s.typeName() + " but its object is a " + obj.typeName()
                    + " (corrupted or malicious file)");
        }
        return new MethodNode(s.className(), s.module(), s.id(), func, obj);
    }
}
