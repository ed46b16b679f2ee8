package dev.skiff.hub.http;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The hub's single Jetty handler: routes on the raw URI, runs the matched handler, and turns every
 * failure into a Hub-shaped error (status, {@code X-Error-Code}, {@code X-Error-Message}, JSON body).
 * Requests it does not route (git smart HTTP) go to the wrapped handler.
 */
public final class HubHandler extends Handler.Wrapper {
    private static final Logger LOG = LoggerFactory.getLogger(HubHandler.class);

    private final Router router;
    private final String baseUrl;
    private final Predicate<List<String>> delegate;

    public HubHandler(Router router, String baseUrl, Predicate<List<String>> delegate, Handler wrapped) {
        super(wrapped);
        this.router = router;
        this.baseUrl = baseUrl;
        this.delegate = delegate;
    }

    /**
     * The hub's handling blocks (it reads bodies, runs SQL and git). Left to the default, a wrapper takes the
     * invocation type of what it wraps; were that non-blocking, Jetty would run requests on the selector thread, and
     * a body arriving after its headers would wait for bytes no thread selects for, until the idle timeout.
     */
    @Override
    public InvocationType getInvocationType() {
        return InvocationType.BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String id = request.getHeaders().get("X-Request-Id");
        if (id == null) {
            id = request.getHeaders().get("X-Amzn-Trace-Id");
        }
        if (id != null) {
            response.getHeaders().put("X-Request-Id", id);
        }
        List<String> segments;
        try {
            segments = Router.segments(request.getHttpURI().getPath());
        } catch (HubException e) {
            Exchange ex = new Exchange(request, response, List.of(), baseUrl);
            writeError(ex, e);
            callback.succeeded();
            return true;
        }
        if (getHandler() != null && delegate.test(segments)) {
            return super.handle(request, response, callback);
        }
        Exchange ex = new Exchange(request, response, segments, baseUrl);
        try {
            List<String> allowed = new ArrayList<>();
            Router.Match m = router.match(request.getMethod(), segments, allowed);
            if (m == null) {
                if (!allowed.isEmpty()) {
                    ex.header("Allow", String.join(", ", allowed));
                    throw new HubException(405, null, request.getMethod() + " is not allowed here");
                }
                throw HubException.notFound("no such endpoint: " + request.getMethod() + " " + request.getHttpURI().getPath());
            }
            m.handler().handle(ex, m.params());
            if (!ex.committed()) {
                ex.empty(200);
            }
        } catch (HubException e) {
            writeError(ex, e);
        } catch (IOException e) {
            if (ex.committed()) {
                LOG.debug("client went away during {} {}: {}", request.getMethod(), request.getHttpURI().getPath(), e.toString());
                callback.failed(e);
                return true;
            }
            LOG.warn("I/O error on {} {}", request.getMethod(), request.getHttpURI().getPath(), e);
            writeError(ex, new HubException(500, null, "internal I/O error: " + e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("unexpected error on {} {}", request.getMethod(), request.getHttpURI().getPath(), e);
            if (ex.committed()) {
                callback.failed(e);
                return true;
            }
            writeError(ex, new HubException(500, null, "internal error: " + e));
        }
        ex.drain();
        callback.succeeded();
        return true;
    }

    static void writeError(Exchange ex, HubException e) {
        if (ex.committed()) {
            return;
        }
        if (e.code() != null) {
            ex.header("X-Error-Code", e.code());
        }
        String msg = e.getMessage() == null ? "error" : e.getMessage();
        ex.header("X-Error-Message", msg.replaceAll("[\\r\\n]+", " "));
        e.extraHeaders().forEach(ex::header);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", msg);
        body.putAll(e.extraBody());
        try {
            ex.drain();
            ex.json(e.status(), body);
        } catch (IOException io) {
            LOG.debug("could not send error {}: {}", e.status(), io.toString());
        }
    }
}
