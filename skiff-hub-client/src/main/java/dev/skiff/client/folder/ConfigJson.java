package dev.skiff.client.folder;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.skiff.format.json.PyJsonWriter;
import dev.skiff.format.json.PyValues;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code config.json} as text: read leniently like Python's {@code json.load} ({@code NaN}, {@code Infinity}), written
 * byte for byte as skops' {@code dump_json} did ({@code json.dump(config, f, sort_keys=True, indent=4)}: keys sorted
 * by code point at every level, four-space indent, {@code ensure_ascii} escapes, floats in {@code repr} form, no
 * trailing newline).
 */
final class ConfigJson {
    /** The largest {@code config.json} read: the file holds a few example rows, not data. */
    static final long MAX_BYTES = 16L << 20;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private static final Comparator<String> CODE_POINTS = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private ConfigJson() {
    }

    /** Parses a {@code config.json} into ordered maps, lists and Java primitives (Integer/Long/BigInteger, Double). */
    static Map<String, Object> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no config.json");
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new RepoFolderException(file + " is larger than " + (MAX_BYTES >> 20) + " MiB");
        }
        byte[] bytes = Files.readAllBytes(file);
        Object value;
        try (JsonParser p = MAPPER.createParser(bytes)) {
            value = MAPPER.readValue(p, Object.class);
            if (p.nextToken() != null) {
                throw new RepoFolderException(file + " is not valid JSON: text after the end of the value");
            }
        } catch (JsonProcessingException e) {
            throw new RepoFolderException(file + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw new RepoFolderException(file + " does not hold a JSON object");
        }
        @SuppressWarnings("unchecked") Map<String, Object> map = (Map<String, Object>) m;
        return map;
    }

    /** Writes {@code value} to {@code file} atomically, in skops' layout. */
    static void write(Path file, Map<String, ?> value) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".config-", ".json.tmp");
        try {
            Files.writeString(tmp, dumps(value), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** {@code json.dumps(value, sort_keys=True, indent=4)}. */
    static String dumps(Object value) {
        StringBuilder out = new StringBuilder(1024);
        write(value, out, 0);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out, int depth) {
        switch (value) {
            case null -> out.append("null");
            case Map<?, ?> m -> {
                if (m.isEmpty()) {
                    out.append("{}");
                    return;
                }
                List<String> keys = new ArrayList<>();
                for (Object k : m.keySet()) {
                    keys.add(String.valueOf(k));
                }
                keys.sort(CODE_POINTS);
                out.append('{');
                for (int i = 0; i < keys.size(); i++) {
                    out.append(i == 0 ? "\n" : ",\n").append("    ".repeat(depth + 1));
                    PyJsonWriter.quote(keys.get(i), out);
                    out.append(": ");
                    write(m.get(keys.get(i)), out, depth + 1);
                }
                out.append('\n').append("    ".repeat(depth)).append('}');
            }
            case List<?> l -> {
                if (l.isEmpty()) {
                    out.append("[]");
                    return;
                }
                out.append('[');
                for (int i = 0; i < l.size(); i++) {
                    out.append(i == 0 ? "\n" : ",\n").append("    ".repeat(depth + 1));
                    write(l.get(i), out, depth + 1);
                }
                out.append('\n').append("    ".repeat(depth)).append(']');
            }
            case String s -> PyJsonWriter.quote(s, out);
            case Boolean b -> out.append(b ? "true" : "false");
            case Double d -> out.append(PyValues.floatRepr(d));
            case Float f -> out.append(PyValues.floatRepr(f.doubleValue()));
            case BigDecimal d -> out.append(PyValues.floatRepr(d.doubleValue()));
            case Long n -> out.append(n);
            case Integer n -> out.append(n);
            case Short n -> out.append(n);
            case Byte n -> out.append(n);
            case BigInteger n -> out.append(n);
            default -> throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }
}
