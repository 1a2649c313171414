package org.alignlab.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.Json;
import org.alignlab.infra.KafkaAccess;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the platform recorded, read after a run from where each service keeps it: the monitor's audit chain and
 * verdicts, the executor's runs and the orchestrator's goals (PostgreSQL), every action and result (topics), the
 * dead-letter topics, and the monitor's verification of its chain against the signed checkpoints.
 */
record Evidence(
        List<AuditRow> audit,
        Map<UUID, String> verdicts,
        Map<UUID, String> holds,
        Map<UUID, String> executions,
        Map<UUID, String> goalStatus,
        List<UUID> proposedActions,
        Map<UUID, List<String>> completedResults,
        Map<String, List<byte[]>> deadLetters,
        JsonNode verification) {

    /** One record of the audit chain, the columns the invariants need. */
    record AuditRow(long seq, String type, UUID actionId, String decision) {
    }

    /**
     * Where each topic the evidence reads ended when the run began, by topic and partition: a run directory used
     * before holds earlier runs' actions and dead letters, which are not this run's to account for.
     */
    static Map<String, Map<Integer, Long>> topicsNow(KafkaAccess kafka, List<String> dlqTopics) {
        Map<String, Map<Integer, Long>> ends = new HashMap<>();
        ends.put(Topics.AGENT_ACTIONS, TopicReader.ends(kafka, Topics.AGENT_ACTIONS));
        ends.put(Topics.EXPERIMENT_RESULTS, TopicReader.ends(kafka, Topics.EXPERIMENT_RESULTS));
        for (String topic : dlqTopics) {
            ends.put(Topics.dlq(topic), TopicReader.ends(kafka, Topics.dlq(topic)));
        }
        return ends;
    }

    /** What the platform recorded; from the topics, only what was written after {@code from} (see {@link #topicsNow}). */
    static Evidence gather(ChaosStack stack, String reviewerToken, List<String> dlqTopics,
            Map<String, Map<Integer, Long>> from) throws Exception {
        // Verified before the table is read, so every verified record is in what is read: a record appended in
        // between (the re-execution audit runs after a run has ended) is only ever extra (Invariants.chainVerifies).
        URI monitor = stack.url(org.alignlab.launcher.Service.MONITOR);
        HttpResponse<String> verify = Http.get(monitor.resolve("/api/audit/verify"), reviewerToken);
        JsonNode verification = verify.statusCode() == 200 ? Json.parse(verify.body())
                : Json.parse("{\"verified\": false, \"httpStatus\": " + verify.statusCode() + "}");
        List<AuditRow> audit = new ArrayList<>();
        Map<UUID, String> verdicts = new HashMap<>();
        Map<UUID, String> holds = new HashMap<>();
        Map<UUID, String> executions = new HashMap<>();
        Map<UUID, String> goals = new HashMap<>();
        try (Connection db = stack.connect(); Statement st = db.createStatement()) {
            try (ResultSet rs = st.executeQuery(
                    "select seq, type, action_id, decision from monitor.audit_log where chain = 'main' order by seq")) {
                while (rs.next()) {
                    audit.add(new AuditRow(rs.getLong(1), rs.getString(2), (UUID) rs.getObject(3), rs.getString(4)));
                }
            }
            readPairs(st, "select action_id, decision from monitor.verdicts", verdicts);
            readPairs(st, "select action_id, status from monitor.held_actions", holds);
            readPairs(st, "select action_id, status from executor.executions", executions);
            readPairs(st, "select id, status from orchestrator.goals", goals);
        }
        KafkaAccess kafka = stack.kafka();
        List<UUID> proposed = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : TopicReader.readFrom(kafka, Topics.AGENT_ACTIONS,
                from.getOrDefault(Topics.AGENT_ACTIONS, Map.of()))) {
            decode(record.value(), AgentAction.class).ifPresent(a -> proposed.add(a.id()));
        }
        Map<UUID, List<String>> results = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : TopicReader.readFrom(kafka,
                Topics.EXPERIMENT_RESULTS, from.getOrDefault(Topics.EXPERIMENT_RESULTS, Map.of()))) {
            decode(record.value(), ExperimentResult.class).ifPresent(r -> {
                if (!"REFUSED".equals(r.status().name())) {
                    String payload = new String(record.value(), java.nio.charset.StandardCharsets.UTF_8);
                    List<String> seen = results.computeIfAbsent(r.actionId(), k -> new ArrayList<>());
                    if (!seen.contains(payload)) {
                        seen.add(payload);
                    }
                }
            });
        }
        Map<String, List<byte[]>> dlq = new HashMap<>();
        for (String topic : dlqTopics) {
            List<byte[]> values = new ArrayList<>();
            TopicReader.readFrom(kafka, Topics.dlq(topic), from.getOrDefault(Topics.dlq(topic), Map.of()))
                    .forEach(r -> values.add(r.value()));
            dlq.put(topic, values);
        }
        return new Evidence(audit, verdicts, holds, executions, goals, proposed, results, dlq, verification);
    }

    private static void readPairs(Statement st, String sql, Map<UUID, String> into) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                into.put((UUID) rs.getObject(1), rs.getString(2));
            }
        }
    }

    private static <T> java.util.Optional<T> decode(byte[] value, Class<T> type) {
        if (value == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(EventCodec.decode(new String(value, java.nio.charset.StandardCharsets.UTF_8),
                    type));
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
