package dev.skiff.format.audit;

import dev.skiff.format.json.Json;
import dev.skiff.format.json.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * skops' default allowlists, one per node kind, generated from the pinned Python packages by
 * {@code interop/tools/dump_trusted_types.py} into {@code trusted-types.json}.
 */
final class DefaultTrust {
    private static final Map<String, Set<String>> LISTS = load();

    private DefaultTrust() {
    }

    /** The names trusted by default for a node kind (a loader name, {@code FunctionNode@0} or {@code BitGenerators}). */
    static Set<String> forKind(String kind) {
        Set<String> s = LISTS.get(kind);
        if (s == null) {
            throw new IllegalStateException("no default trust list for " + kind);
        }
        return s;
    }

    static String versions() {
        return String.valueOf(LISTS.get("_versions"));
    }

    private static Map<String, Set<String>> load() {
        try (InputStream in = DefaultTrust.class.getResourceAsStream("trusted-types.json")) {
            if (in == null) {
                throw new IllegalStateException("trusted-types.json is missing from the classpath");
            }
            Json doc = new JsonParser(10, Integer.MAX_VALUE - 8).parse(in.readAllBytes());
            Map<String, Set<String>> out = new HashMap<>();
            ((Json.JObject) doc).fields().forEach((k, v) -> {
                Set<String> names = new HashSet<>();
                if (v instanceof Json.JArray a) {
                    a.items().forEach(x -> names.add(((Json.JString) x).value()));
                } else if (v instanceof Json.JObject o) {
                    o.fields().forEach((pk, pv) -> names.add(pk + "=" + ((Json.JString) pv).value()));
                }
                out.put(k, Set.copyOf(names));
            });
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trusted-types.json", e);
        }
    }
}
