package dev.skiff.hub.auth;

import dev.skiff.hub.db.MetaStore;
import dev.skiff.hub.http.Exchange;
import dev.skiff.hub.http.HubException;

import java.util.Optional;

/** Turns the {@code Authorization: Bearer <token>} header into a principal; no header means anonymous. */
public final class Auth {
    /** The message the Python client recognises for a bad token. */
    public static final String INVALID = "Invalid credentials in Authorization header";

    private final MetaStore meta;

    public Auth(MetaStore meta) {
        this.meta = meta;
    }

    /** The caller, or null when anonymous; a malformed or unknown token is a 401. */
    public Principal caller(Exchange ex) {
        if (ex.principal() instanceof Principal p) {
            return p;
        }
        String h = ex.header("Authorization");
        if (h == null || h.isBlank()) {
            return null;
        }
        String token = h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).strip() : null;
        if (token == null && h.regionMatches(true, 0, "Basic ", 0, 6)) {
            token = basicPassword(h.substring(6).strip());
        }
        if (token == null || token.isEmpty()) {
            throw new HubException(401, null, INVALID);
        }
        Optional<MetaStore.Token> t = meta.token(token);
        if (t.isEmpty()) {
            throw new HubException(401, null, INVALID);
        }
        Principal p = new Principal(t.get().owner(), t.get().role(), t.get().displayName());
        ex.principal(p);
        return p;
    }

    /** The caller, who must be authenticated. */
    public Principal required(Exchange ex) {
        Principal p = caller(ex);
        if (p == null) {
            throw new HubException(401, null, "You must be authenticated (send Authorization: Bearer <token>)");
        }
        return p;
    }

    /** git sends user:token as HTTP Basic; the token is the password. */
    private static String basicPassword(String b64) {
        try {
            String s = new String(java.util.Base64.getDecoder().decode(b64), java.nio.charset.StandardCharsets.UTF_8);
            int i = s.indexOf(':');
            return i < 0 ? s : s.substring(i + 1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
