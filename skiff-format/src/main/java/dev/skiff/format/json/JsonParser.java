package dev.skiff.format.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses JSON the way Python's {@code json.loads} accepts it ({@code NaN}, {@code Infinity}, integers of
 * any size), but refuses duplicate keys and nesting deeper than a bound instead of recursing without end.
 */
public final class JsonParser {
    /** Python (3.11+) refuses to parse or print integers of more than 4300 digits; so do we (plus a sign). */
    public static final int MAX_NUMBER_LENGTH = 4301;
    private final JsonFactory factory;

    public JsonParser(int maxDepth, long maxStringLength) {
        this(maxDepth, maxStringLength, 100_000);
    }

    public JsonParser(int maxDepth, long maxStringLength, int maxNumberLength) {
        this.factory = new JsonFactoryBuilder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxDepth)
                        .maxStringLength((int) Math.min(Integer.MAX_VALUE - 8, maxStringLength))
                        .maxNumberLength(maxNumberLength)
                        .maxDocumentLength(-1)
                        .build())
                .build();
    }

    /** Parses one complete JSON document; anything after it is an error. */
    public Json parse(byte[] utf8) throws JsonSyntaxException {
        try (var p = factory.createParser(utf8)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new JsonSyntaxException("empty document");
            }
            Json value = read(p, first);
            if (p.nextToken() != null) {
                throw new JsonSyntaxException("unexpected content after the JSON value at " + location(p));
            }
            return value;
        } catch (StackOverflowError e) {
            throw new JsonSyntaxException("nesting too deep to parse");
        } catch (StreamConstraintsException e) {
            throw new JsonSyntaxException("beyond the parser's limits: " + firstLine(e.getOriginalMessage()));
        } catch (com.fasterxml.jackson.core.JsonParseException e) {
            throw new JsonSyntaxException(firstLine(e.getOriginalMessage()) + " at " + location(e));
        } catch (IOException e) {
            throw new JsonSyntaxException(firstLine(e.getMessage()));
        }
    }

    private static Json read(com.fasterxml.jackson.core.JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case START_OBJECT -> {
                Json.JObject.Owned fields = new Json.JObject.Owned();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    if (fields.put(name, read(p, p.nextToken())) != null) {
                        throw new JsonSyntaxException("Duplicate field '" + name + "' at " + location(p));
                    }
                }
                yield new Json.JObject(fields);
            }
            case START_ARRAY -> {
                List<Json> items = new ArrayList<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_ARRAY; k = p.nextToken()) {
                    items.add(read(p, k));
                }
                yield new Json.JArray(items);
            }
            case VALUE_STRING -> new Json.JString(p.getText());
            case VALUE_NUMBER_INT -> new Json.JNumber(p.getText(), true);
            case VALUE_NUMBER_FLOAT -> new Json.JNumber(p.getText(), false);
            case VALUE_TRUE -> new Json.JBool(true);
            case VALUE_FALSE -> new Json.JBool(false);
            case VALUE_NULL -> Json.JNull.INSTANCE;
            default -> throw new JsonSyntaxException("unexpected token " + t + " at " + location(p));
        };
    }

    private static String location(com.fasterxml.jackson.core.JsonParser p) {
        var loc = p.currentLocation();
        return "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    private static String location(com.fasterxml.jackson.core.JsonParseException e) {
        var loc = e.getLocation();
        return loc == null ? "unknown position" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "malformed JSON";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
