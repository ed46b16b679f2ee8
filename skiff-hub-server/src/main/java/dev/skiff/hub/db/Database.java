package dev.skiff.hub.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The metadata database: SQLite in the data directory by default, or PostgreSQL from a
 * {@code postgresql://user:pass@host:port/db} URL; migrated with Flyway on open.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource ds;
    private final boolean sqlite;

    private Database(HikariDataSource ds, boolean sqlite) {
        this.ds = ds;
        this.sqlite = sqlite;
    }

    public static Database open(Path dataDir, String url) {
        HikariConfig c = new HikariConfig();
        boolean sqlite = url == null || url.startsWith("jdbc:sqlite:") || url.startsWith("sqlite:");
        if (url == null) {
            c.setJdbcUrl("jdbc:sqlite:" + dataDir.resolve("hub.db").toAbsolutePath());
        } else if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
            URI u = URI.create(url);
            c.setJdbcUrl("jdbc:postgresql://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "") + u.getPath()
                    + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
            if (u.getRawUserInfo() != null) {
                String[] ui = u.getRawUserInfo().split(":", 2);
                c.setUsername(URLDecoder.decode(ui[0], StandardCharsets.UTF_8));
                if (ui.length > 1) {
                    c.setPassword(URLDecoder.decode(ui[1], StandardCharsets.UTF_8));
                }
            }
        } else if (url.startsWith("sqlite:")) {
            c.setJdbcUrl("jdbc:" + url);
        } else {
            c.setJdbcUrl(url);
        }
        if (sqlite) {
            c.addDataSourceProperty("journal_mode", "WAL");
            c.addDataSourceProperty("busy_timeout", "15000");
            c.addDataSourceProperty("foreign_keys", "true");
            c.addDataSourceProperty("synchronous", "NORMAL");
            c.setMaximumPoolSize(4);
        } else {
            c.setMaximumPoolSize(16);
        }
        c.setPoolName("skiff-hub-db");
        HikariDataSource ds = new HikariDataSource(c);
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration/common").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, sqlite);
    }

    public DataSource dataSource() {
        return ds;
    }

    public boolean isSqlite() {
        return sqlite;
    }

    @Override
    public void close() {
        ds.close();
    }
}
