package dev.skiff.runtime.data;

import dev.skiff.format.json.Json;
import dev.skiff.format.json.JsonParser;
import dev.skiff.format.json.JsonSyntaxException;
import dev.skiff.format.json.PyValues;
import dev.skiff.runtime.ModelInputException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON input: records ({@code [{"a": 1, "b": "x"}, ...]}) or columns ({@code {"a": [1, 2], "b": ["x", "y"]}}).
 * Columns are typed by their JSON values; a key absent from a record is a missing value.
 */
public final class JsonRecords {
    private JsonRecords() {
    }

    public static Frame read(String json) {
        Json doc;
        try {
            doc = new JsonParser(64, 1L << 30).parse(json.getBytes(StandardCharsets.UTF_8));
        } catch (JsonSyntaxException e) {
            throw new ModelInputException("input is not valid JSON: " + e.getMessage());
        }
        return switch (doc) {
            case Json.JArray a -> records(a);
            case Json.JObject o -> columns(o);
            default -> throw new ModelInputException("JSON input must be a list of records or an object of columns");
        };
    }

    private static Frame records(Json.JArray a) {
        Map<String, List<Object>> cols = new LinkedHashMap<>();
        int n = a.items().size();
        for (int i = 0; i < n; i++) {
            if (!(a.items().get(i) instanceof Json.JObject rec)) {
                throw new ModelInputException("record " + i + " is not a JSON object");
            }
            for (Map.Entry<String, Json> e : rec.fields().entrySet()) {
                List<Object> col = cols.computeIfAbsent(e.getKey(), k -> nulls(n));
                col.set(i, scalar(e.getValue(), i, e.getKey()));
            }
        }
        Map<String, Object> typed = new LinkedHashMap<>(cols);
        return Frame.fromColumns(typed);
    }

    private static Frame columns(Json.JObject o) {
        Map<String, Object> typed = new LinkedHashMap<>();
        o.fields().forEach((name, v) -> {
            if (!(v instanceof Json.JArray arr)) {
                throw new ModelInputException("column \"" + name + "\" must be a JSON array");
            }
            List<Object> col = new ArrayList<>(arr.items().size());
            for (int i = 0; i < arr.items().size(); i++) {
                col.add(scalar(arr.items().get(i), i, name));
            }
            typed.put(name, col);
        });
        return Frame.fromColumns(typed);
    }

    private static List<Object> nulls(int n) {
        List<Object> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(null);
        }
        return l;
    }

    private static Object scalar(Json v, int row, String col) {
        Object o = PyValues.toJava(v);
        if (o instanceof List || o instanceof Map) {
            throw new ModelInputException("row " + row + ", column \"" + col + "\": nested values are not supported");
        }
        if (o instanceof Double d && d.isNaN()) {
            return null;
        }
        return o;
    }
}
