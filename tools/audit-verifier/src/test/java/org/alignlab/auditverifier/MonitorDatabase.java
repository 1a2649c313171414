package org.alignlab.auditverifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.alignlab.contracts.audit.ChainEntry;
import org.alignlab.contracts.audit.ChainLink;

/**
 * The monitor's schema in a real PostgreSQL, made by the monitor's own migrations, and the two kinds of write
 * the tests need: the monitor's appends, and an attacker's changes as the table's owner.
 */
final class MonitorDatabase {

    private static final Path MIGRATIONS = Path.of("../../services/monitor/src/main/resources/db/migration");
    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");
    private static final String TRIGGER = "audit_log_append_only";

    private final String jdbcUrl;
    private final String user;
    final String schema;

    private MonitorDatabase(String jdbcUrl, String user, String schema) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.schema = schema;
    }

    /** A fresh schema migrated as Flyway would: every V*.sql in version order, its placeholder filled in. */
    static MonitorDatabase migrate(String jdbcUrl, String user, String schema) throws IOException, SQLException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            scripts = files.filter(file -> VERSION.matcher(file.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(MonitorDatabase::version)).toList();
        }
        MonitorDatabase database = new MonitorDatabase(jdbcUrl, user, schema);
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            s.execute("SET search_path TO " + schema);
            for (Path script : scripts) {
                s.execute(Files.readString(script).replace("${flyway:defaultSchema}", schema));
            }
        }
        return database;
    }

    /** Appends records as the monitor stores them. */
    void insert(List<ChainLink> links) throws SQLException {
        try (Connection c = connect();
                PreparedStatement insert = c.prepareStatement("INSERT INTO " + schema
                        + ".audit_log (chain, seq, recorded_at, type, goal_id, action_id, agent, trace_id, payload_hash, "
                        + "decision, suspicion, model_score, actor, policy_version, detail, origin_key_id, "
                        + "origin_signature, monitor_key_id, monitor_signature, prev_hash, hash) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ChainLink link : links) {
                ChainEntry e = link.entry();
                insert.setString(1, e.chain());
                insert.setLong(2, e.seq());
                insert.setObject(3, e.recordedAt().atOffset(ZoneOffset.UTC));
                insert.setString(4, e.type());
                insert.setObject(5, e.goalId());
                insert.setObject(6, e.actionId());
                insert.setString(7, e.agent());
                insert.setString(8, e.traceId());
                insert.setString(9, e.payloadHash());
                insert.setString(10, e.decision());
                insert.setObject(11, e.suspicion(), Types.DOUBLE);
                insert.setObject(12, e.modelScore(), Types.DOUBLE);
                insert.setString(13, e.actor());
                insert.setString(14, e.policyVersion());
                insert.setString(15, e.detail());
                insert.setString(16, e.originKeyId());
                insert.setString(17, e.originSignature());
                insert.setString(18, e.monitorKeyId());
                insert.setString(19, e.monitorSignature());
                insert.setString(20, e.prevHash());
                insert.setString(21, link.hash());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Runs a change the append-only trigger refuses, as an owner does: with the trigger switched off. */
    void asOwnerWithoutTrigger(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE " + schema + ".audit_log DISABLE TRIGGER " + TRIGGER);
            s.execute(sql.replace("audit_log", schema + ".audit_log"));
            s.execute("ALTER TABLE " + schema + ".audit_log ENABLE TRIGGER " + TRIGGER);
        }
    }

    /** Runs a statement as it comes, trigger in force. */
    void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql.replace("audit_log", schema + ".audit_log"));
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, "");
    }

    private static int version(Path script) {
        Matcher matcher = VERSION.matcher(script.getFileName().toString());
        matcher.matches();
        return Integer.parseInt(matcher.group(1));
    }
}
