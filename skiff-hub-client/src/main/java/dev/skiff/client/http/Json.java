package dev.skiff.client.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skiff.client.errors.HubProtocolException;

import java.io.IOException;

/** The one JSON mapper of the client (lenient on unknown fields, as the hub adds fields over time). */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Json() {
    }

    /** Parses a hub answer; a malformed one is a {@link HubProtocolException} naming the URL. */
    public static JsonNode parse(byte[] body, String url) {
        try {
            JsonNode n = MAPPER.readTree(body);
            if (n == null || n.isMissingNode()) {
                throw new HubProtocolException("empty answer from " + url + " where JSON was expected");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new HubProtocolException("malformed JSON from " + url + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new HubProtocolException("unreadable answer from " + url + ": " + e.getMessage(), e);
        }
    }

    /** A value as JSON bytes. */
    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
