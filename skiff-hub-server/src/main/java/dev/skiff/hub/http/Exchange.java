package dev.skiff.hub.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Fields;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One request and its response, with the helpers the handlers need; handlers stay small. */
public final class Exchange {
    private final Request request;
    private final Response response;
    private final List<String> segments;
    private final String baseUrl;
    private Fields query;
    private InputStream body;
    private boolean committed;
    private Object principal;

    public Exchange(Request request, Response response, List<String> segments, String baseUrl) {
        this.request = request;
        this.response = response;
        this.segments = segments;
        this.baseUrl = baseUrl;
    }

    public String method() {
        return request.getMethod();
    }

    public boolean isHead() {
        return "HEAD".equals(request.getMethod());
    }

    public List<String> segments() {
        return segments;
    }

    /** The URL clients use to reach this hub, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    public String header(String name) {
        return request.getHeaders().get(name);
    }

    /** The raw query string (for pagination links), or "". */
    public String rawQuery() {
        String q = request.getHttpURI().getQuery();
        return q == null ? "" : q;
    }

    public String rawPath() {
        return request.getHttpURI().getPath();
    }

    private Fields fields() {
        if (query == null) {
            query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        }
        return query;
    }

    public String query(String name) {
        Fields.Field f = fields().get(name);
        return f == null ? null : f.getValue();
    }

    public List<String> queryAll(String name) {
        Fields.Field f = fields().get(name);
        return f == null ? List.of() : f.getValues();
    }

    public boolean queryFlag(String name) {
        String v = query(name);
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
    }

    public InputStream body() {
        if (body == null) {
            body = Content.Source.asInputStream(request);
        }
        return body;
    }

    /** The whole body, refusing more than {@code max} bytes with a 413. */
    public byte[] bodyBytes(int max) throws IOException {
        byte[] b = body().readNBytes(max + 1);
        if (b.length > max) {
            throw new HubException(413, null, "request body larger than " + max + " bytes");
        }
        return b;
    }

    /** The body as JSON; a malformed body is a 400. */
    public JsonNode jsonBody(int max) throws IOException {
        byte[] b = bodyBytes(max);
        if (b.length == 0) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            return Json.MAPPER.readTree(b);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw HubException.badRequest("request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Reads and discards whatever body is left, so the connection can be reused. */
    public void drain() {
        try {
            InputStream in = body();
            byte[] buf = new byte[8192];
            while (in.read(buf) >= 0) {
                // discard
            }
        } catch (IOException ignored) {
            // the connection is closed anyway
        }
    }

    public void status(int status) {
        response.setStatus(status);
    }

    public void header(String name, String value) {
        response.getHeaders().put(name, value);
    }

    public void addHeader(String name, String value) {
        response.getHeaders().add(name, value);
    }

    public Object principal() {
        return principal;
    }

    public void principal(Object p) {
        this.principal = p;
    }

    public void json(int status, Object value) throws IOException {
        bytes(status, "application/json", Json.MAPPER.writeValueAsBytes(value));
    }

    public void bytes(int status, String contentType, byte[] data) throws IOException {
        response.setStatus(status);
        response.getHeaders().put("Content-Type", contentType);
        response.getHeaders().put("Content-Length", Long.toString(data.length));
        committed = true;
        if (!isHead()) {
            try (OutputStream out = Content.Sink.asOutputStream(response)) {
                out.write(data);
            }
        }
    }

    /** An output stream for a body whose headers (incl. Content-Length) are already set. */
    public OutputStream stream() {
        committed = true;
        return Content.Sink.asOutputStream(response);
    }

    /** An empty response with this status. */
    public void empty(int status) {
        response.setStatus(status);
        response.getHeaders().put("Content-Length", "0");
        committed = true;
    }

    public boolean committed() {
        return committed || response.isCommitted();
    }

    public Response response() {
        return response;
    }

    public Request request() {
        return request;
    }
}
