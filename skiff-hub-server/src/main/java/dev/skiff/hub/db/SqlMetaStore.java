package dev.skiff.hub.db;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.skiff.hub.http.Json;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** {@link MetaStore} over JDBC, with SQL that SQLite and PostgreSQL both accept. */
public final class SqlMetaStore implements MetaStore {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final DataSource ds;

    public SqlMetaStore(DataSource ds) {
        this.ds = ds;
    }

    /** Now, as the Hub formats times: ISO-8601 UTC with milliseconds and a Z. */
    public static String now() {
        return format(Instant.now());
    }

    public static String format(Instant t) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(t.truncatedTo(ChronoUnit.MILLIS));
    }

    @FunctionalInterface
    private interface Sql<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T tx(Sql<T> body) {
        try (Connection c = ds.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T out = body.run(c);
                c.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new StoreException("metadata store: " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, args)) {
            return ps.executeUpdate();
        }
    }

    @Override
    public Optional<Namespace> namespace(String name) {
        return tx(c -> {
            try (PreparedStatement ps = prepare(c, "SELECT name, kind, fullname, created_at FROM namespaces WHERE name = ?", name);
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Namespace(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                        : Optional.<Namespace>empty();
            }
        });
    }

    @Override
    public Namespace ensureUser(String name) {
        return ensure(name, "user");
    }

    @Override
    public Namespace ensureOrg(String name) {
        return ensure(name, "org");
    }

    private Namespace ensure(String name, String kind) {
        Optional<Namespace> ns = namespace(name);
        if (ns.isPresent()) {
            if (!ns.get().kind().equals(kind)) {
                throw new StoreException("\"" + name + "\" is already a" + (ns.get().isOrg() ? "n organisation" : " user"));
            }
            return ns.get();
        }
        tx(c -> update(c, "INSERT INTO namespaces (name, kind, fullname, created_at) VALUES (?, ?, ?, ?)", name, kind, name, now()));
        return namespace(name).orElseThrow();
    }

    @Override
    public void addMember(String org, String user, String role) {
        tx(c -> {
            update(c, "DELETE FROM memberships WHERE org = ? AND member = ?", org, user);
            return update(c, "INSERT INTO memberships (org, member, role) VALUES (?, ?, ?)", org, user, role);
        });
    }

    @Override
    public Optional<String> membership(String org, String user) {
        return tx(c -> {
            try (PreparedStatement ps = prepare(c, "SELECT role FROM memberships WHERE org = ? AND member = ?", org, user);
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    @Override
    public List<String> orgsOf(String user) {
        return tx(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = prepare(c, "SELECT org FROM memberships WHERE member = ? ORDER BY org", user);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    @Override
    public String createToken(String owner, String role, String displayName) {
        if (!role.equals("read") && !role.equals("write")) {
            throw new StoreException("a token's role is read or write, not " + role);
        }
        StringBuilder t = new StringBuilder("hf_");
        for (int i = 0; i < 34; i++) {
            t.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        String token = t.toString();
        tx(c -> update(c, "INSERT INTO tokens (hash, owner, role, display_name, created_at) VALUES (?, ?, ?, ?, ?)",
                hash(token), owner, role, displayName, now()));
        return token;
    }

    @Override
    public Optional<Token> token(String tokenText) {
        return tx(c -> {
            try (PreparedStatement ps = prepare(c, "SELECT owner, role, display_name FROM tokens WHERE hash = ?", hash(tokenText));
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Token(rs.getString(1), rs.getString(2), rs.getString(3))) : Optional.<Token>empty();
            }
        });
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String REPO_COLUMNS = "type, namespace, name, private, gated, created_at, last_modified, sha, "
            + "card_data, tags, pipeline_tag, library_name, downloads, likes, storage_id, sdk";

    @Override
    public boolean createRepo(Repo r) {
        return tx(c -> update(c, "INSERT INTO repos (" + REPO_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (type, namespace, name) DO NOTHING",
                r.type(), r.namespace(), r.name(), r.isPrivate(), r.gated(), r.createdAt(), r.lastModified(), r.sha(),
                r.cardData(), tagsJson(r.tags()), r.pipelineTag(), r.libraryName(), r.downloads(), r.likes(), r.storageId(),
                r.sdk()) > 0);
    }

    @Override
    public Optional<Repo> repo(String type, String namespace, String name) {
        return tx(c -> {
            try (PreparedStatement ps = prepare(c, "SELECT " + REPO_COLUMNS + " FROM repos WHERE type = ? AND namespace = ? AND name = ?",
                    type, namespace, name); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(readRepo(rs)) : Optional.<Repo>empty();
            }
        });
    }

    @Override
    public boolean deleteRepo(String type, String namespace, String name) {
        return tx(c -> update(c, "DELETE FROM repos WHERE type = ? AND namespace = ? AND name = ?", type, namespace, name) > 0);
    }

    @Override
    public boolean moveRepo(String type, String fromNs, String fromName, String toNs, String toName) {
        try {
            return tx(c -> {
                try (PreparedStatement ps = prepare(c, "SELECT 1 FROM repos WHERE type = ? AND namespace = ? AND name = ?",
                        type, toNs, toName); ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
                return update(c, "UPDATE repos SET namespace = ?, name = ?, last_modified = ? WHERE type = ? AND namespace = ? AND name = ?",
                        toNs, toName, now(), type, fromNs, fromName) > 0;
            });
        } catch (StoreException e) {
            if (isUniqueViolation(e.getCause())) {
                return false; // a concurrent create or move took the name between the check and the update
            }
            throw e;
        }
    }

    /** PostgreSQL's unique_violation, or SQLite's constraint failure (19, or an extended code of it) on a key. */
    private static boolean isUniqueViolation(Throwable t) {
        return t instanceof SQLException e && ("23505".equals(e.getSQLState())
                || ((e.getErrorCode() & 0xff) == 19 && String.valueOf(e.getMessage()).matches("(?s).*(UNIQUE|PRIMARY KEY).*")));
    }

    @Override
    public void updateSettings(String type, String namespace, String name, Boolean isPrivate, String gated, boolean setGated) {
        tx(c -> {
            if (isPrivate != null) {
                update(c, "UPDATE repos SET private = ? WHERE type = ? AND namespace = ? AND name = ?", isPrivate, type, namespace, name);
            }
            if (setGated) {
                update(c, "UPDATE repos SET gated = ? WHERE type = ? AND namespace = ? AND name = ?", gated, type, namespace, name);
            }
            return null;
        });
    }

    @Override
    public void updateHead(String type, String namespace, String name, String sha, String lastModified, String cardData,
                           List<String> tags, String pipelineTag, String libraryName) {
        tx(c -> update(c, "UPDATE repos SET sha = ?, last_modified = ?, card_data = ?, tags = ?, pipeline_tag = ?, library_name = ?"
                        + " WHERE type = ? AND namespace = ? AND name = ?",
                sha, lastModified, cardData, tagsJson(tags), pipelineTag, libraryName, type, namespace, name));
    }

    @Override
    public void touch(String type, String namespace, String name, String lastModified) {
        tx(c -> update(c, "UPDATE repos SET last_modified = ? WHERE type = ? AND namespace = ? AND name = ?",
                lastModified, type, namespace, name));
    }

    @Override
    public void countDownload(String type, String namespace, String name) {
        tx(c -> update(c, "UPDATE repos SET downloads = downloads + 1 WHERE type = ? AND namespace = ? AND name = ?",
                type, namespace, name));
    }

    @Override
    public List<Repo> repos(String type, String namespace) {
        return tx(c -> {
            List<Repo> out = new ArrayList<>();
            String sql = "SELECT " + REPO_COLUMNS + " FROM repos WHERE type = ?" + (namespace == null ? "" : " AND namespace = ?");
            try (PreparedStatement ps = namespace == null ? prepare(c, sql, type) : prepare(c, sql, type, namespace);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(readRepo(rs));
                }
            }
            return out;
        });
    }

    private static Repo readRepo(ResultSet rs) throws SQLException {
        return new Repo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), tags(rs.getString(10)),
                rs.getString(11), rs.getString(12), rs.getLong(13), rs.getLong(14), rs.getString(15), rs.getString(16));
    }

    private static String tagsJson(List<String> tags) {
        try {
            return Json.MAPPER.writeValueAsString(tags == null ? List.of() : tags);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> tags(String json) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        try {
            return Json.MAPPER.readValue(json, new TypeReference<List<String>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return List.of();
        }
    }
}
