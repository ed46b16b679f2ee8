package dev.skiff.card.meta;

import dev.skiff.card.CardException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conversions between {@code model-index} (the Papers-with-Code layout in card YAML) and flat {@link EvalResult}s,
 * with huggingface_hub's rules ({@code model_index_to_eval_results}, {@code eval_results_to_model_index}).
 */
public final class ModelIndex {
    /** A model name and its results, as read from a {@code model-index}. */
    public record Parsed(String modelName, List<EvalResult> results) {
    }

    private ModelIndex() {
    }

    /**
     * Flattens a {@code model-index}. The model name is the {@code name} of the last element (huggingface_hub reads
     * every element and keeps the last name). A missing required key or a wrong type gives a {@link CardException}
     * naming the place, e.g. {@code model-index[0].results[1].metrics[0]: missing 'value'}.
     */
    public static Parsed toEvalResults(Object modelIndex) {
        if (!(modelIndex instanceof List<?> list) || list.isEmpty()) {
            throw new CardException("model-index must be a non-empty list");
        }
        String name = null;
        List<EvalResult> out = new ArrayList<>();
        for (int e = 0; e < list.size(); e++) {
            String where = "model-index[" + e + "]";
            Map<?, ?> elem = map(list.get(e), where);
            name = string(required(elem, "name", where), where + ".name");
            List<?> results = list(required(elem, "results", where), where + ".results");
            for (int r = 0; r < results.size(); r++) {
                String rw = where + ".results[" + r + "]";
                Map<?, ?> result = map(results.get(r), rw);
                Map<?, ?> task = map(required(result, "task", rw), rw + ".task");
                Map<?, ?> dataset = map(required(result, "dataset", rw), rw + ".dataset");
                String taskType = string(required(task, "type", rw + ".task"), rw + ".task.type");
                String taskName = optString(task, "name", rw + ".task");
                String datasetType = string(required(dataset, "type", rw + ".dataset"), rw + ".dataset.type");
                String datasetName = string(required(dataset, "name", rw + ".dataset"), rw + ".dataset.name");
                String config = optString(dataset, "config", rw + ".dataset");
                String split = optString(dataset, "split", rw + ".dataset");
                String revision = optString(dataset, "revision", rw + ".dataset");
                Map<String, Object> datasetArgs = optMap(dataset, "args", rw + ".dataset");
                Object sourceObj = result.get("source");
                String sourceName = null;
                String sourceUrl = null;
                if (sourceObj != null) {
                    Map<?, ?> source = map(sourceObj, rw + ".source");
                    sourceName = optString(source, "name", rw + ".source");
                    sourceUrl = optString(source, "url", rw + ".source");
                }
                List<?> metrics = list(required(result, "metrics", rw), rw + ".metrics");
                for (int m = 0; m < metrics.size(); m++) {
                    String mw = rw + ".metrics[" + m + "]";
                    Map<?, ?> metric = map(metrics.get(m), mw);
                    String type = string(required(metric, "type", mw), mw + ".type");
                    Object value = required(metric, "value", mw);
                    Object verified = metric.get("verified");
                    if (verified != null && !(verified instanceof Boolean)) {
                        throw new CardException(mw + ".verified should be true or false");
                    }
                    out.add(new EvalResult(taskType, datasetType, datasetName, type, value, taskName, config, split,
                            revision, datasetArgs, optString(metric, "name", mw), optString(metric, "config", mw),
                            optMap(metric, "args", mw), (Boolean) verified, optString(metric, "verifyToken", mw),
                            sourceName, sourceUrl));
                }
            }
        }
        return new Parsed(name, out);
    }

    /**
     * huggingface_hub's {@code eval_results_to_model_index}: one element named {@code modelName}, results grouped by
     * {@link EvalResult#uniqueIdentifier()} in first-seen order, key order and spellings as huggingface_hub writes
     * them ({@code verifyToken}, {@code source: {url, name}}), absent values left out.
     */
    public static List<Object> fromEvalResults(String modelName, List<EvalResult> results) {
        if (modelName == null) {
            throw new CardException("Passing `eval_results` requires `model_name` to be set.");
        }
        Map<List<Object>, List<EvalResult>> groups = new LinkedHashMap<>();
        for (EvalResult r : results) {
            groups.computeIfAbsent(r.uniqueIdentifier(), k -> new ArrayList<>()).add(r);
        }
        List<Object> entries = new ArrayList<>();
        for (List<EvalResult> group : groups.values()) {
            EvalResult s = group.getFirst();
            Map<String, Object> data = new LinkedHashMap<>();
            Map<String, Object> task = new LinkedHashMap<>();
            put(task, "type", s.taskType());
            put(task, "name", s.taskName());
            data.put("task", task);
            Map<String, Object> dataset = new LinkedHashMap<>();
            put(dataset, "name", s.datasetName());
            put(dataset, "type", s.datasetType());
            put(dataset, "config", s.datasetConfig());
            put(dataset, "split", s.datasetSplit());
            put(dataset, "revision", s.datasetRevision());
            put(dataset, "args", s.datasetArgs());
            data.put("dataset", dataset);
            List<Object> metrics = new ArrayList<>();
            for (EvalResult r : group) {
                Map<String, Object> metric = new LinkedHashMap<>();
                put(metric, "type", r.metricType());
                put(metric, "value", r.metricValue());
                put(metric, "name", r.metricName());
                put(metric, "config", r.metricConfig());
                put(metric, "args", r.metricArgs());
                put(metric, "verified", r.verified());
                put(metric, "verifyToken", r.verifyToken());
                metrics.add(metric);
            }
            data.put("metrics", metrics);
            if (s.sourceUrl() != null) {
                Map<String, Object> source = new LinkedHashMap<>();
                source.put("url", s.sourceUrl());
                put(source, "name", s.sourceName());
                data.put("source", source);
            }
            entries.add(data);
        }
        Map<String, Object> element = new LinkedHashMap<>();
        element.put("name", modelName);
        element.put("results", entries);
        List<Object> index = new ArrayList<>();
        index.add(removeNulls(element));
        return index;
    }

    /**
     * Merges {@code incoming} into {@code existing} as {@code metadata_update} does: a result describing an existing
     * metric replaces its value (an error when the value differs and {@code overwrite} is false); others are
     * appended.
     */
    public static List<EvalResult> merge(List<EvalResult> existing, List<EvalResult> incoming, boolean overwrite) {
        List<EvalResult> out = new ArrayList<>(existing);
        for (EvalResult n : incoming) {
            boolean found = false;
            for (int i = 0; i < out.size(); i++) {
                EvalResult e = out.get(i);
                if (n.isEqualExceptValue(e)) {
                    if (!n.equals(e) && !overwrite) {
                        throw new CardException("You passed a new value for the existing metric 'name: "
                                + n.metricName() + ", type: " + n.metricType()
                                + "'. Set `overwrite=True` to overwrite existing metrics.");
                    }
                    found = true;
                    EvalResult updated = e.withMetricValue(n.metricValue());
                    if (Boolean.TRUE.equals(e.verified())) {
                        updated = updated.withVerified(e.verified(), n.verifyToken());
                    }
                    out.set(i, updated);
                }
            }
            if (!found) {
                out.add(n);
            }
        }
        return out;
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        m.put(k, v); // nulls are removed afterwards, as _remove_none does
    }

    @SuppressWarnings("unchecked")
    private static Object removeNulls(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (e.getKey() != null && e.getValue() != null) {
                    out.put(removeNulls(e.getKey()), removeNulls(e.getValue()));
                }
            }
            return out;
        }
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object x : l) {
                if (x != null) {
                    out.add(removeNulls(x));
                }
            }
            return out;
        }
        return o;
    }

    private static Object required(Map<?, ?> m, String key, String where) {
        if (!m.containsKey(key)) {
            throw new CardException(where + ": missing '" + key + "'");
        }
        return m.get(key);
    }

    private static Map<?, ?> map(Object o, String where) {
        if (o instanceof Map<?, ?> m) {
            return m;
        }
        throw new CardException(where + " should be a mapping, got " + Values.typeName(o));
    }

    private static List<?> list(Object o, String where) {
        if (o instanceof List<?> l) {
            return l;
        }
        throw new CardException(where + " should be a list, got " + Values.typeName(o));
    }

    private static String string(Object o, String where) {
        if (o instanceof String s) {
            return s;
        }
        throw new CardException(where + " should be a string, got " + Values.typeName(o));
    }

    private static String optString(Map<?, ?> m, String key, String where) {
        Object o = m.get(key);
        return o == null ? null : string(o, where + "." + key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> optMap(Map<?, ?> m, String key, String where) {
        Object o = m.get(key);
        return o == null ? null : (Map<String, Object>) map(o, where + "." + key);
    }
}
