package dev.skiff.format.node;

import dev.skiff.format.json.JsonSyntaxException;
import dev.skiff.format.json.PyValues;

import java.util.List;

/**
 * A primitive ({@code int}, {@code float}, {@code str}, {@code bool}, {@code None}) stored as JSON text
 * inside the schema ({@code JsonNode}). The text is kept verbatim so a rewrite is exact.
 */
public record JsonNode(String className, String module, long id, String json) implements Node {

    public static JsonNode of(Object value) {
        return new JsonNode("str", "builtins", 0, PyValues.dumps(value));
    }

    @Override
    public String loader() {
        return "JsonNode";
    }

    @Override
    public List<Child> children() {
        return List.of();
    }

    /** The Python value: null, Boolean, String, Long/BigInteger, Double (or List/Map for odd files). */
    public Object value() throws JsonSyntaxException {
        return PyValues.loads(json);
    }
}
