package dev.skiff.card.meta;

import dev.skiff.card.CardException;
import dev.skiff.card.yaml.PyYaml;
import dev.skiff.card.yaml.YamlLimits;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A card's YAML metadata: an ordered map of keys (free-form keys kept as they are, in their order; new keys go last)
 * with typed accessors for the keys the Hub understands. Values are YAML-shaped Java values: {@link String},
 * {@link Boolean}, {@link Integer}/{@link Long}/{@link java.math.BigInteger}, {@link Double}, {@link java.time.LocalDate}
 * (and date-times), {@link List}, {@link Map}. A null value removes the key (huggingface_hub drops None on output).
 *
 * <p>Typed getters throw a {@link CardException} when the YAML holds another type ({@code license: [a, b]}); the
 * raw value is always available through {@link #get}. Not thread-safe.
 */
public final class CardMetadata {
    /** The key huggingface_hub and the Hub read evaluation results from. */
    public static final String MODEL_INDEX = "model-index";

    private final Map<String, Object> data = new LinkedHashMap<>();

    /** Empty metadata. */
    public CardMetadata() {
    }

    /** Metadata holding a deep copy of {@code values} (null values dropped). */
    public static CardMetadata of(Map<String, ?> values) {
        CardMetadata m = new CardMetadata();
        values.forEach(m::put);
        return m;
    }

    /**
     * Parses a YAML front matter body with PyYAML's semantics; an empty document gives empty metadata.
     *
     * @throws dev.skiff.card.yaml.YamlException when the YAML does not parse or is not a mapping
     * @throws CardException                     when a top-level key is not a string (huggingface_hub cannot load it)
     */
    public static CardMetadata parse(String yaml, YamlLimits limits) {
        Map<Object, Object> raw = PyYaml.loadMapping(yaml, limits);
        CardMetadata m = new CardMetadata();
        for (Map.Entry<Object, Object> e : raw.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new CardException("metadata keys must be strings, got " + Values.typeName(e.getKey()) + " ("
                        + e.getKey() + ")");
            }
            m.data.put(key, e.getValue()); // nulls too: they stay until the metadata is written
        }
        return m;
    }

    // ------------------------------------------------------------------------------------------------- generic keys

    /** The raw value of {@code key}, or null. */
    public Object get(String key) {
        return data.get(key);
    }

    /** True when {@code key} is present (possibly with a null value read from YAML). */
    public boolean has(String key) {
        return data.containsKey(key);
    }

    /**
     * Sets {@code key} to a deep copy of {@code value}; null removes it. An existing key keeps its place, a new one is
     * appended.
     */
    public CardMetadata put(String key, Object value) {
        if (key == null || key.isEmpty()) {
            throw new CardException("metadata key must not be empty");
        }
        if (value == null) {
            data.remove(key);
        } else {
            data.put(key, Values.deepCopy(value));
        }
        return this;
    }

    /** Removes {@code key}; returns its old value or null. */
    public Object remove(String key) {
        return data.remove(key);
    }

    /** The keys in order. */
    public Set<String> keys() {
        return Collections.unmodifiableSet(data.keySet());
    }

    /** A read-only view of all keys and values, in order. */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(data);
    }

    /** True when there is no key (front matter would be empty). */
    public boolean isEmpty() {
        return data.values().stream().allMatch(v -> v == null);
    }

    /**
     * Sets a value by a dotted path: {@code co2_eq_emissions.emissions}, {@code widget.0.example_title}. Missing maps
     * on the way are created; a number addresses an existing list element (or appends when it equals the size).
     * A null value removes the last key.
     */
    @SuppressWarnings("unchecked")
    public CardMetadata set(String dottedKey, Object value) {
        String[] parts = dottedKey.split("\\.", -1);
        for (String p : parts) {
            if (p.isEmpty()) {
                throw new CardException("bad metadata key '" + dottedKey + "': empty part");
            }
        }
        if (parts.length == 1) {
            return put(parts[0], value);
        }
        Object container = data;
        for (int i = 0; i < parts.length - 1; i++) {
            String part = parts[i];
            Object next = child(container, part, dottedKey);
            if (next == null) {
                next = new LinkedHashMap<String, Object>();
                assign(container, part, next, dottedKey);
            } else if (!(next instanceof Map<?, ?>) && !(next instanceof List<?>)) {
                throw new CardException("bad metadata key '" + dottedKey + "': '" + part + "' holds "
                        + Values.typeName(next) + ", not a mapping or list");
            }
            container = next;
        }
        String last = parts[parts.length - 1];
        if (value == null && container instanceof Map<?, ?> m) {
            ((Map<Object, Object>) m).remove(last);
        } else {
            assign(container, last, Values.deepCopy(value), dottedKey);
        }
        return this;
    }

    private static Object child(Object container, String part, String key) {
        if (container instanceof Map<?, ?> m) {
            return m.get(part);
        }
        List<?> l = (List<?>) container;
        int i = index(part, key);
        return i < l.size() ? l.get(i) : null;
    }

    @SuppressWarnings("unchecked")
    private static void assign(Object container, String part, Object value, String key) {
        if (container instanceof Map<?, ?> m) {
            ((Map<Object, Object>) m).put(part, value);
            return;
        }
        List<Object> l = (List<Object>) container;
        int i = index(part, key);
        if (i < l.size()) {
            l.set(i, value);
        } else if (i == l.size()) {
            l.add(value);
        } else {
            throw new CardException("bad metadata key '" + key + "': index " + i + " is past the end of a list of "
                    + l.size());
        }
    }

    private static int index(String part, String key) {
        try {
            return Integer.parseInt(part);
        } catch (NumberFormatException e) {
            throw new CardException("bad metadata key '" + key + "': '" + part + "' addresses a list, use a number");
        }
    }

    // ------------------------------------------------------------------------------------------------- typed keys

    /** {@code license}: an id from the Hub's list ({@code mit}, {@code apache-2.0}, {@code other}, ...). */
    public String license() {
        return string("license");
    }

    public CardMetadata license(String license) {
        return put("license", license);
    }

    /** {@code license_name}, used with {@code license: other}. */
    public String licenseName() {
        return string("license_name");
    }

    /** {@code license_link}, used with {@code license: other}. */
    public String licenseLink() {
        return string("license_link");
    }

    /** {@code language}: one code or a list (a single string is returned as a one-element list). */
    public List<String> language() {
        return stringList("language");
    }

    public CardMetadata language(List<String> languages) {
        return put("language", languages);
    }

    /** {@code library_name}, e.g. {@code sklearn}. */
    public String libraryName() {
        return string("library_name");
    }

    public CardMetadata libraryName(String name) {
        return put("library_name", name);
    }

    /** {@code tags}. */
    public List<String> tags() {
        return stringList("tags");
    }

    /** Sets {@code tags}, without repeats, keeping the first occurrence (as huggingface_hub does). */
    public CardMetadata tags(List<String> tags) {
        if (tags == null) {
            return put("tags", null);
        }
        List<String> unique = new ArrayList<>();
        for (String t : tags) {
            if (!unique.contains(t)) {
                unique.add(t);
            }
        }
        return put("tags", unique);
    }

    /** {@code datasets}: Hub dataset ids. */
    public List<String> datasets() {
        return stringList("datasets");
    }

    public CardMetadata datasets(List<String> datasets) {
        return put("datasets", datasets);
    }

    /** {@code metrics}: metric ids. */
    public List<String> metrics() {
        return stringList("metrics");
    }

    public CardMetadata metrics(List<String> metrics) {
        return put("metrics", metrics);
    }

    /** {@code pipeline_tag}, e.g. {@code tabular-classification}. */
    public String pipelineTag() {
        return string("pipeline_tag");
    }

    public CardMetadata pipelineTag(String tag) {
        return put("pipeline_tag", tag);
    }

    /** {@code base_model}: one model id or several (a merge). */
    public List<String> baseModel() {
        return stringList("base_model");
    }

    public CardMetadata baseModel(String modelId) {
        return put("base_model", modelId);
    }

    /** {@code widget}: the example inputs, each a mapping. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> widget() {
        Object w = data.get("widget");
        if (w == null) {
            return List.of();
        }
        if (!(w instanceof List<?> l)) {
            throw new CardException("widget should be a list, got " + Values.typeName(w));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            if (!(l.get(i) instanceof Map<?, ?> m)) {
                throw new CardException("widget[" + i + "] should be a mapping, got " + Values.typeName(l.get(i)));
            }
            out.add((Map<String, Object>) m);
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The tabular widget example: the first {@code widget} entry's {@code structured_data}, or its older spelling
     * {@code structuredData} (written by skops up to 0.11), as column → values; empty when there is none.
     */
    @SuppressWarnings("unchecked")
    public Map<String, List<Object>> structuredData() {
        for (Map<String, Object> example : widget()) {
            Object sd = example.containsKey("structured_data") ? example.get("structured_data")
                    : example.get("structuredData");
            if (sd == null) {
                continue;
            }
            if (!(sd instanceof Map<?, ?> m)) {
                throw new CardException("widget structured_data should be a mapping, got " + Values.typeName(sd));
            }
            Map<String, List<Object>> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object col = e.getValue();
                out.put(String.valueOf(e.getKey()), col instanceof List<?> l ? (List<Object>) l : List.of(col));
            }
            return out;
        }
        return Map.of();
    }

    /**
     * Sets the tabular widget example (column → values, column-major). The first example that had structured data
     * gets it, under the current spelling {@code structured_data} (an old {@code structuredData} key is replaced);
     * otherwise a new example is added.
     */
    @SuppressWarnings("unchecked")
    public CardMetadata structuredData(Map<String, ? extends List<?>> columns) {
        List<Object> widget = new ArrayList<>();
        Object w = data.get("widget");
        if (w instanceof List<?> l) {
            widget.addAll(l);
        }
        Map<String, Object> value = new LinkedHashMap<>(columns);
        for (int i = 0; i < widget.size(); i++) {
            if (widget.get(i) instanceof Map<?, ?> m && (m.containsKey("structured_data") || m.containsKey("structuredData"))) {
                Map<String, Object> example = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    String k = String.valueOf(e.getKey());
                    if (k.equals("structuredData") || k.equals("structured_data")) {
                        if (!example.containsKey("structured_data")) {
                            example.put("structured_data", value);
                        }
                    } else {
                        example.put(k, e.getValue());
                    }
                }
                widget.set(i, example);
                return put("widget", widget);
            }
        }
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("structured_data", value);
        widget.add(example);
        return put("widget", widget);
    }

    /** The model name of {@code model-index} (null when there is none). */
    public String modelName() {
        Object mi = data.get(MODEL_INDEX);
        return mi == null ? null : ModelIndex.toEvalResults(mi).modelName();
    }

    /** The evaluation results of {@code model-index}, flattened (empty when there is none). */
    public List<EvalResult> evalResults() {
        Object mi = data.get(MODEL_INDEX);
        return mi == null ? List.of() : ModelIndex.toEvalResults(mi).results();
    }

    /** Replaces {@code model-index} with these results under {@code modelName} (an empty list removes it). */
    public CardMetadata evalResults(String modelName, List<EvalResult> results) {
        if (results == null || results.isEmpty()) {
            return put(MODEL_INDEX, null);
        }
        return put(MODEL_INDEX, ModelIndex.fromEvalResults(modelName, results));
    }

    /**
     * Adds results as {@code metadata_update} does: an existing metric gets the new value (an error when it differs
     * and {@code overwrite} is false), new ones are appended. The model name stays, or becomes {@code modelName}.
     */
    public CardMetadata mergeEvalResults(String modelName, List<EvalResult> results, boolean overwrite) {
        Object mi = data.get(MODEL_INDEX);
        if (mi == null) {
            return evalResults(modelName, results);
        }
        ModelIndex.Parsed old = ModelIndex.toEvalResults(mi);
        return evalResults(old.modelName(), ModelIndex.merge(old.results(), results, overwrite));
    }

    // ------------------------------------------------------------------------------------------------- output

    /**
     * The metadata as huggingface_hub writes it: {@code yaml.dump(d, sort_keys=False, allow_unicode=True)} of the
     * keys whose value is not null, with {@code lineBreak} ({@code \n}, {@code \r\n} or {@code \r}); ends with a
     * line break.
     */
    public String toYaml(String lineBreak) {
        Map<String, Object> out = new LinkedHashMap<>();
        data.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return PyYaml.dump(out, lineBreak);
    }

    /** {@link #toYaml(String)} with {@code \n}. */
    public String toYaml() {
        return toYaml("\n");
    }

    /** The metadata as JSON-ready Java values (see {@link Values#toJsonCompatible}), nulls dropped. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> toJsonCompatible() {
        Map<String, Object> out = new LinkedHashMap<>();
        data.forEach((k, v) -> {
            if (v != null) {
                out.put(k, Values.toJsonCompatible(v));
            }
        });
        return out;
    }

    /** A deep copy. */
    public CardMetadata copy() {
        CardMetadata m = new CardMetadata();
        data.forEach((k, v) -> m.data.put(k, Values.deepCopy(v)));
        return m;
    }

    /** Same keys in the same order with the same values (types and map order included). */
    public boolean sameAs(CardMetadata other) {
        return Values.sameValue(data, other.data);
    }

    @Override
    public String toString() {
        return "CardMetadata" + data;
    }

    private String string(String key) {
        Object v = data.get(key);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw new CardException(key + " should be a string, got " + Values.typeName(v));
    }

    private List<String> stringList(String key) {
        Object v = data.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof String s) {
            return List.of(s);
        }
        if (v instanceof List<?> l) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                if (!(l.get(i) instanceof String s)) {
                    throw new CardException(key + "[" + i + "] should be a string, got " + Values.typeName(l.get(i))
                            + (Boolean.FALSE.equals(l.get(i)) && key.equals("language")
                            ? " (YAML 1.1 reads an unquoted no as false: write 'no')" : ""));
                }
                out.add(s);
            }
            return Collections.unmodifiableList(out);
        }
        throw new CardException(key + " should be a string or a list of strings, got " + Values.typeName(v));
    }
}
