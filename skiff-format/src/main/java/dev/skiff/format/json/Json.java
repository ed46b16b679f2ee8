package dev.skiff.format.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON value exactly as {@code schema.json} holds it: object key order is kept (skops'
 * {@code key_types} pair with keys by position) and numbers keep their source text.
 */
public sealed interface Json {

    /** A short name of the JSON type, for error messages. */
    String kind();

    record JObject(Map<String, Json> fields) implements Json {
        public JObject {
            // the parser hands over a map it never touches again; anyone else's map is copied
            fields = Collections.unmodifiableMap(fields instanceof Owned ? fields : new LinkedHashMap<>(fields));
        }

        /** A map only the parser fills, then gives away to one JObject. */
        static final class Owned extends LinkedHashMap<String, Json> {
        }

        public Json get(String key) {
            return fields.get(key);
        }

        public boolean has(String key) {
            return fields.containsKey(key);
        }

        @Override
        public String kind() {
            return "object";
        }
    }

    record JArray(List<Json> items) implements Json {
        public JArray {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "array";
        }
    }

    record JString(String value) implements Json {
        @Override
        public String kind() {
            return "string";
        }
    }

    /** A number with its source text ({@code 1}, {@code 1.0}, {@code 1e-05}, {@code NaN}, {@code 2**70} digits). */
    record JNumber(String text, boolean integral) implements Json {
        @Override
        public String kind() {
            return "number";
        }
    }

    record JBool(boolean value) implements Json {
        @Override
        public String kind() {
            return "boolean";
        }
    }

    record JNull() implements Json {
        public static final JNull INSTANCE = new JNull();

        @Override
        public String kind() {
            return "null";
        }
    }
}
