package org.alignlab.auditverifier;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Consumer;
import org.alignlab.contracts.audit.ChainEntry;
import org.alignlab.contracts.audit.ChainLink;

/**
 * Reads the monitor's {@code audit_log} straight from PostgreSQL, in seq order, in keyset pages so a chain of
 * any length streams in constant memory. Maps each row exactly as the monitor wrote it: times as instants at the
 * database's micro-second precision, UUID columns as UUIDs, nullable scores as null.
 */
final class AuditLogReader {

    static final int PAGE_SIZE = 1000;

    private static final String COLUMNS = "chain, seq, recorded_at, type, goal_id, action_id, agent, trace_id, "
            + "payload_hash, decision, suspicion, model_score, actor, policy_version, detail, origin_key_id, "
            + "origin_signature, monitor_key_id, monitor_signature, prev_hash, hash";

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String schema;

    AuditLogReader(String jdbcUrl, String user, String password, String schema) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    /** Hands every record of the chain to {@code sink}, all from one snapshot of the table. */
    void forEach(String chain, Consumer<ChainLink> sink) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            // One read-only snapshot: pages never straddle records appended while the walk runs.
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setAutoCommit(false);
            String table;
            try (var statement = connection.createStatement()) {
                table = statement.enquoteIdentifier(schema, false) + ".audit_log";
            }
            try (PreparedStatement page = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                    + " WHERE chain = ? AND seq > ? ORDER BY seq LIMIT " + PAGE_SIZE)) {
                long after = Long.MIN_VALUE;
                int rows;
                do {
                    page.setString(1, chain);
                    page.setLong(2, after);
                    rows = 0;
                    try (ResultSet result = page.executeQuery()) {
                        while (result.next()) {
                            ChainLink link = link(result);
                            sink.accept(link);
                            after = link.entry().seq();
                            rows++;
                        }
                    }
                } while (rows == PAGE_SIZE);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new UnusableInputException("cannot read " + schema + ".audit_log at " + jdbcUrl, e);
        }
    }

    static ChainLink link(ResultSet row) throws SQLException {
        // NOT NULL in the schema, but whoever can rewrite rows can drop that constraint too: report, don't crash.
        OffsetDateTime recordedAt = row.getObject("recorded_at", OffsetDateTime.class);
        ChainEntry entry = new ChainEntry(row.getString("chain"), row.getLong("seq"),
                recordedAt == null ? null : recordedAt.toInstant(), row.getString("type"),
                row.getObject("goal_id", UUID.class), row.getObject("action_id", UUID.class), row.getString("agent"),
                row.getString("trace_id"), row.getString("payload_hash"), row.getString("decision"),
                row.getObject("suspicion", Double.class), row.getObject("model_score", Double.class),
                row.getString("actor"), row.getString("policy_version"), row.getString("detail"),
                row.getString("origin_key_id"), row.getString("origin_signature"), row.getString("monitor_key_id"),
                row.getString("monitor_signature"), row.getString("prev_hash"));
        return new ChainLink(entry, row.getString("hash"));
    }
}
