package dev.skiff.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The fixtures {@code interop/tools/make_card_fixtures.py} wrote with the real huggingface_hub, skops and PyYAML,
 * and the decoder for their tagged JSON values (Python types kept through JSON).
 */
public final class Fixtures {
    public static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    public static byte[] bytes(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/cards/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + resource + " (run interop/tools/make_card_fixtures.py)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String resource) {
        return new String(bytes(resource), java.nio.charset.StandardCharsets.UTF_8);
    }

    public static JsonNode json(String resource) {
        try {
            return JSON.readTree(bytes(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The card fixture names, e.g. {@code skops_default_logreg}. */
    public static List<String> cardNames() {
        List<String> out = new ArrayList<>();
        json("index.json").forEach(n -> out.add(n.asText()));
        return out;
    }

    /** A tagged value ({@code {"t": "float", "v": "0.1"}}) as the Java value the YAML layer uses for it. */
    public static Object untag(JsonNode n) {
        String t = n.get("t").asText();
        JsonNode v = n.get("v");
        return switch (t) {
            case "null" -> null;
            case "bool" -> v.asBoolean();
            case "str" -> v.asText();
            case "int" -> {
                BigInteger b = new BigInteger(v.asText());
                if (b.bitLength() < 32) {
                    yield b.intValue();
                }
                yield b.bitLength() < 64 ? (Object) b.longValue() : b;
            }
            case "float" -> switch (v.asText()) {
                case "nan" -> Double.NaN;
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(v.asText());
            };
            case "date" -> LocalDate.parse(v.asText());
            case "datetime" -> datetime(v.asText());
            case "bytes" -> Base64.getDecoder().decode(v.asText());
            case "list" -> {
                List<Object> l = new ArrayList<>();
                v.forEach(x -> l.add(untag(x)));
                yield l;
            }
            case "set" -> {
                LinkedHashSet<Object> s = new LinkedHashSet<>();
                v.forEach(x -> s.add(untag(x)));
                yield s;
            }
            case "map" -> {
                Map<Object, Object> m = new LinkedHashMap<>();
                v.forEach(kv -> m.put(untag(kv.get(0)), untag(kv.get(1))));
                yield m;
            }
            default -> throw new IllegalArgumentException("unknown tag " + t);
        };
    }

    private static Object datetime(String iso) {
        String s = iso.replace(' ', 'T');
        if (s.matches(".*[+-]\\d\\d:\\d\\d$")) {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        return LocalDateTime.parse(s);
    }
}
