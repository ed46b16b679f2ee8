package dev.skiff.format.read;

import dev.skiff.format.SkopsFormatException;
import dev.skiff.format.json.Json;
import dev.skiff.format.node.Node;
import dev.skiff.format.npy.NpyArray;

import java.math.BigInteger;
import java.util.List;

/**
 * One node's JSON state as a loader sees it: typed getters whose errors name the node path and key,
 * and access to children and zip members through the read context.
 */
public final class State {
    private final Json.JObject json;
    private final NodePath path;
    private final ReadContext ctx;

    State(Json.JObject json, NodePath path, ReadContext ctx) {
        this.json = json;
        this.path = path;
        this.ctx = ctx;
    }

    /** The node path, e.g. {@code root.steps[0][1]} (built only when asked for: errors are rare). */
    public String path() {
        return path.toString();
    }

    public int protocol() {
        return ctx.protocol();
    }

    public ReadContext context() {
        return ctx;
    }

    public Json.JObject json() {
        return json;
    }

    public String className() throws SkopsFormatException {
        return string("__class__");
    }

    public String module() throws SkopsFormatException {
        return string("__module__");
    }

    public String typeName() {
        Json c = json.get("__class__");
        Json m = json.get("__module__");
        return (m instanceof Json.JString ms ? ms.value() : "?") + "." + (c instanceof Json.JString cs ? cs.value() : "?");
    }

    /** The {@code __id__}, or 0 when absent or null (Python then does not memoise the node). */
    private long id = -1;
    private boolean idRead;

    public long id() throws SkopsFormatException {
        if (!idRead) {
            id = readId();
            idRead = true;
        }
        return id;
    }

    private long readId() throws SkopsFormatException {
        Json v = json.get("__id__");
        if (v == null || v instanceof Json.JNull) {
            return 0;
        }
        if (v instanceof Json.JNumber n && n.integral()) {
            if (n.text().length() > 20) {
                throw error("__id__ with " + n.text().length() + " digits is out of the 64-bit range");
            }
            if (n.text().length() <= 18) {
                return Long.parseLong(n.text()); // every id CPython writes; BigInteger only for the odd ones
            }
            BigInteger b = new BigInteger(n.text());
            if (b.bitLength() > 63) {
                throw error("__id__ " + n.text() + " is out of the 64-bit range");
            }
            return b.longValue();
        }
        throw error("__id__ must be an integer, found a JSON " + v.kind());
    }

    public Json get(String key) throws SkopsFormatException {
        Json v = json.get(key);
        if (v == null) {
            throw error("missing key \"" + key + "\"");
        }
        return v;
    }

    public boolean has(String key) {
        return json.has(key);
    }

    public String string(String key) throws SkopsFormatException {
        return string(get(key), key);
    }

    public Json.JObject object(String key) throws SkopsFormatException {
        return object(get(key), key);
    }

    public List<Json> array(String key) throws SkopsFormatException {
        if (get(key) instanceof Json.JArray a) {
            return a.items();
        }
        throw error("\"" + key + "\" must be a JSON array, found a JSON " + get(key).kind());
    }

    public String string(Json v, String what) throws SkopsFormatException {
        if (v instanceof Json.JString s) {
            return s.value();
        }
        throw error("\"" + what + "\" must be a string, found a JSON " + v.kind());
    }

    public Json.JObject object(Json v, String what) throws SkopsFormatException {
        if (v instanceof Json.JObject o) {
            return o;
        }
        throw error("\"" + what + "\" must be a JSON object, found a JSON " + v.kind());
    }

    /** A field of a sub-object, e.g. {@code content.func}. */
    public Json field(Json.JObject obj, String objName, String key) throws SkopsFormatException {
        Json v = obj.get(key);
        if (v == null) {
            throw error("missing key \"" + objName + "." + key + "\"");
        }
        return v;
    }

    /** Reads a child node whose state is {@code value}; {@code segment} extends the path. */
    public Node child(Json value, String segment) throws SkopsFormatException {
        return ctx.node(value, new NodePath(path, segment));
    }

    /** Reads the child node under {@code key}. */
    public Node child(String key, String segment) throws SkopsFormatException {
        return child(get(key), segment);
    }

    public byte[] member(String key) throws SkopsFormatException {
        return ctx.member(string(key), path());
    }

    public NpyArray npy(String key) throws SkopsFormatException {
        return ctx.npy(string(key), path());
    }

    public SkopsFormatException error(String message) {
        return SkopsFormatException.at(path(), message);
    }
}
