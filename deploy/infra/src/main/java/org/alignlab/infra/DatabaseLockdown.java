package org.alignlab.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Turns a freshly started local PostgreSQL into one set up as in Kubernetes: the per-service roles and schemas
 * of {@link DatabaseRoles} (created once), each login role's password (set on every start, so a rotated password
 * takes effect), and a {@code pg_hba.conf} that asks every connection, local socket included, for a password.
 */
final class DatabaseLockdown {

    private static final String PG_HBA = """
            # Written by AlignLab (deploy/infra DatabaseLockdown) on every start: every connection authenticates.
            local all all scram-sha-256
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;
    /** A role the bootstrap SQL creates: when it exists, the bootstrap ran. */
    private static final String BOOTSTRAPPED_MARKER_ROLE = "orchestrator";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    DatabaseLockdown(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    void apply(Passwords credentials, DatabaseRoles roles) throws SQLException, IOException {
        try (Connection db = postgres.getDatabase(PostgresServer.USER, PostgresServer.DATABASE).getConnection();
                Statement sql = db.createStatement()) {
            setPassword(sql, PostgresServer.USER, credentials.password(PostgresServer.USER));
            if (!roleExists(db, BOOTSTRAPPED_MARKER_ROLE)) {
                bootstrap(db, roles);
            }
            for (String role : roles.loginRoles()) {
                if (!roleExists(db, role)) {
                    sql.execute("CREATE ROLE " + role);
                }
                sql.execute("ALTER ROLE " + role + " LOGIN");
                setPassword(sql, role, credentials.password(role));
            }
        }
        Files.writeString(dataDir.resolve("pg_hba.conf"), PG_HBA);
        try (Connection db = postgres.getPostgresDatabase().getConnection(); Statement sql = db.createStatement()) {
            sql.execute("SELECT pg_reload_conf()");
        }
    }

    private static void bootstrap(Connection db, DatabaseRoles roles) throws SQLException {
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try (Statement sql = db.createStatement()) {
            for (String statement : roles.bootstrapSql()) {
                sql.execute(statement);
            }
            db.commit();
        } catch (SQLException e) {
            db.rollback();
            throw new SQLException("cannot create the per-service roles and schemas (" + e.getMessage()
                    + "); a data directory from before per-service roles must be removed and started afresh", e);
        } finally {
            db.setAutoCommit(autoCommit);
        }
    }

    private static boolean roleExists(Connection db, String role) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, role);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Passwords are generated URL-safe Base64 ({@link Passwords}): nothing in them needs quoting. */
    private static void setPassword(Statement sql, String role, String password) throws SQLException {
        if (!password.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("password of " + role + " is not URL-safe Base64");
        }
        sql.execute("ALTER ROLE " + role + " PASSWORD '" + password + "'");
    }
}
