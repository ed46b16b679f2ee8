package dev.skiff.client.folder;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A repo folder's {@code config.json}: the {@code sklearn} section skops' {@code hub_utils} wrote and the Hub's
 * scikit-learn widget, inference image and "Use this model" snippet read. Absent keys read as null (strings) or empty
 * (lists, maps); {@link #json()} is the whole file, keys Skiff does not know included.
 *
 * @param modelFile    {@code sklearn.model.file}: the model's path in the repo
 * @param modelFormat  {@code sklearn.model_format}: {@code skops} or {@code pickle}
 * @param task         {@code sklearn.task}, e.g. {@code tabular-classification}
 * @param columns      {@code sklearn.columns}: the input columns, in the model's order
 * @param exampleInput {@code sklearn.example_input}: column → the first rows' values (Long, Double, Boolean, String)
 * @param environment  {@code sklearn.environment}: conda-style requirements such as {@code scikit-learn=1.9.1}
 * @param json         the whole file as parsed
 */
public record FolderConfig(String modelFile, String modelFormat, String task, List<String> columns,
                           Map<String, List<Object>> exampleInput, List<String> environment, Map<String, Object> json) {

    public FolderConfig {
        columns = columns == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(columns));
        exampleInput = exampleInput == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(exampleInput));
        environment = environment == null ? List.of() : List.copyOf(environment);
        json = json == null ? Map.of() : frozen(json);
    }

    /** A deep, unmodifiable copy (nulls allowed, as JSON has them). */
    @SuppressWarnings("unchecked")
    private static <T> T frozen(T value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), frozen(v)));
            return (T) Collections.unmodifiableMap(out);
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(frozen(v)));
            return (T) Collections.unmodifiableList(out);
        }
        return value;
    }

    /** A new configuration in skops' key layout (what {@code init} writes). */
    static FolderConfig create(String modelFile, ModelFormat format, Task task, List<String> columns,
                               Map<String, List<Object>> exampleInput, List<String> environment) {
        Map<String, Object> sklearn = new LinkedHashMap<>();
        sklearn.put("columns", columns);
        sklearn.put("environment", environment);
        if (exampleInput != null && !exampleInput.isEmpty()) {
            sklearn.put("example_input", exampleInput);
        }
        sklearn.put("model", Map.of("file", modelFile));
        sklearn.put("model_format", format.id());
        sklearn.put("task", task.id());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sklearn", sklearn);
        return new FolderConfig(modelFile, format.id(), task.id(), columns, exampleInput, environment, json);
    }

    /** Reads the typed view out of a parsed file; wrong types are named with their key. */
    static FolderConfig of(Map<String, Object> json) throws RepoFolderException {
        Map<String, Object> sklearn = map(json.get("sklearn"), "sklearn");
        Map<String, Object> model = map(sklearn.get("model"), "sklearn.model");
        String file = string(model.get("file"), "sklearn.model.file");
        String format = string(sklearn.get("model_format"), "sklearn.model_format");
        String task = string(sklearn.get("task"), "sklearn.task");
        List<String> columns = strings(sklearn.get("columns"), "sklearn.columns");
        List<String> env = strings(sklearn.get("environment"), "sklearn.environment");
        Map<String, List<Object>> example = new LinkedHashMap<>();
        Object ex = sklearn.get("example_input");
        if (ex != null) {
            for (Map.Entry<String, Object> e : map(ex, "sklearn.example_input").entrySet()) {
                if (!(e.getValue() instanceof List<?> values)) {
                    throw new RepoFolderException("config.json: sklearn.example_input." + e.getKey() + " should be a list");
                }
                List<Object> vs = new ArrayList<>(values.size());
                for (Object v : values) {
                    vs.add(v instanceof Integer i ? Long.valueOf(i) : v instanceof BigInteger b && b.bitLength() < 64
                            ? Long.valueOf(b.longValue()) : v);
                }
                example.put(e.getKey(), Collections.unmodifiableList(vs));
            }
        }
        return new FolderConfig(file, format, task, columns, example, env, json);
    }

    /** This configuration with {@code sklearn.environment} replaced, every other key kept. */
    FolderConfig withEnvironment(List<String> requirements) {
        Map<String, Object> copy = new LinkedHashMap<>(json);
        Map<String, Object> sklearn = new LinkedHashMap<>();
        if (copy.get("sklearn") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> sklearn.put(String.valueOf(k), v));
        }
        sklearn.put("environment", List.copyOf(requirements));
        copy.put("sklearn", sklearn);
        return new FolderConfig(modelFile, modelFormat, task, columns, exampleInput, requirements, copy);
    }

    /** The rows of {@link #exampleInput()} in {@link #columns()} order (columns the example lacks are left out). */
    public Map<String, List<Object>> exampleInputInColumnOrder() {
        Map<String, List<Object>> out = new LinkedHashMap<>();
        for (String c : columns) {
            if (exampleInput.containsKey(c)) {
                out.put(c, exampleInput.get(c));
            }
        }
        exampleInput.forEach(out::putIfAbsent);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object v, String key) throws RepoFolderException {
        if (v == null) {
            return Map.of();
        }
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new RepoFolderException("config.json: " + key + " should be an object");
    }

    private static String string(Object v, String key) throws RepoFolderException {
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw new RepoFolderException("config.json: " + key + " should be a string");
    }

    private static List<String> strings(Object v, String key) throws RepoFolderException {
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            List<String> out = new ArrayList<>(l.size());
            for (Object o : l) {
                if (!(o instanceof String s)) {
                    throw new RepoFolderException("config.json: " + key + " should be a list of strings");
                }
                out.add(s);
            }
            return out;
        }
        throw new RepoFolderException("config.json: " + key + " should be a list of strings");
    }
}
