package org.alignlab.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** The six properties a run must keep whatever was killed, each computed from {@link Evidence}. */
final class Invariants {

    private static final Set<String> ALLOWING = Set.of("ALLOW", "APPROVE");
    private static final Set<String> FINAL_DECISIONS = Set.of("VERDICT", "HUMAN_DECISION", "REVIEW_TIMEOUT");

    private Invariants() {
    }

    static List<Invariant> check(Evidence e, Set<UUID> goals, Set<UUID> sent, Map<String, List<byte[]>> injected) {
        return List.of(gatedExecution(e), executedOnce(e), nothingLost(e, sent), goalsEnded(e, goals),
                chainVerifies(e), deadLettersExact(e, injected));
    }

    /** (1) No EXECUTION_STARTED without an earlier ALLOW verdict or a reviewer's approval, in a chain that verifies. */
    static Invariant gatedExecution(Evidence e) {
        Map<UUID, Long> firstAllow = new HashMap<>();
        Map<UUID, String> allowKind = new HashMap<>();
        List<String> violations = new ArrayList<>();
        int started = 0;
        int byVerdict = 0;
        int byHuman = 0;
        Set<UUID> startedActions = new HashSet<>();
        for (Evidence.AuditRow row : e.audit()) {
            if (row.actionId() == null) {
                continue;
            }
            if (("VERDICT".equals(row.type()) || "HUMAN_DECISION".equals(row.type()))
                    && ALLOWING.contains(row.decision())) {
                firstAllow.putIfAbsent(row.actionId(), row.seq());
                allowKind.putIfAbsent(row.actionId(), row.type());
            }
            if ("EXECUTION_STARTED".equals(row.type())) {
                started++;
                startedActions.add(row.actionId());
                Long allowedAt = firstAllow.get(row.actionId());
                if (allowedAt == null || allowedAt >= row.seq()) {
                    violations.add("EXECUTION_STARTED #" + row.seq() + " for " + row.actionId()
                            + " with no earlier ALLOW or approval");
                } else if ("VERDICT".equals(allowKind.get(row.actionId()))) {
                    byVerdict++;
                } else {
                    byHuman++;
                }
            }
        }
        // A run the executor recorded that the chain does not know of would be a run nobody audited.
        for (UUID action : e.executions().keySet()) {
            if (!startedActions.contains(action)) {
                violations.add("executor ran " + action + " but the chain has no EXECUTION_STARTED for it");
            }
        }
        if (!e.verification().path("verified").asBoolean(false)) {
            violations.add("the audit chain does not verify: " + e.verification());
        }
        return new Invariant("(1) execution only after ALLOW/approval",
                "started=" + started + " afterAllow=" + byVerdict + " afterApproval=" + byHuman
                        + " executorRuns=" + e.executions().size(),
                violations);
    }

    /** (2) No action executed twice: one EXECUTION_STARTED and one completed result (whatever its copies) per action. */
    static Invariant executedOnce(Evidence e) {
        Map<UUID, Integer> starts = new HashMap<>();
        for (Evidence.AuditRow row : e.audit()) {
            if ("EXECUTION_STARTED".equals(row.type())) {
                starts.merge(row.actionId(), 1, Integer::sum);
            }
        }
        List<String> violations = new ArrayList<>();
        starts.forEach((action, n) -> {
            if (n > 1) {
                violations.add(action + " started " + n + " times");
            }
        });
        e.completedResults().forEach((action, payloads) -> {
            if (payloads.size() > 1) {
                violations.add(action + " has " + payloads.size() + " different results");
            }
        });
        return new Invariant("(2) no action executed twice",
                "actionsStarted=" + starts.size() + " actionsWithResults=" + e.completedResults().size(), violations);
    }

    /**
     * (3) Every proposed action reached a verdict, no hold stayed open, and every allowed action reached a
     * terminal result: EXECUTION_FINISHED or EXECUTION_REFUSED in the chain, and no run left RUNNING.
     */
    static Invariant nothingLost(Evidence e, Set<UUID> sent) {
        List<String> violations = new ArrayList<>();
        Set<UUID> proposed = new LinkedHashSet<>(e.proposedActions());
        for (UUID action : sent) {
            if (!proposed.contains(action)) {
                violations.add("sent " + action + " but agent.actions does not hold it");
            }
        }
        Map<String, Integer> byDecision = new TreeMap<>();
        for (UUID action : proposed) {
            String decision = e.verdicts().get(action);
            if (decision == null) {
                violations.add("proposed " + action + " has no verdict");
            } else {
                byDecision.merge(decision, 1, Integer::sum);
            }
        }
        e.holds().forEach((action, status) -> {
            if ("HELD".equals(status)) {
                violations.add("hold on " + action + " never decided");
            }
        });
        Map<UUID, String> finalDecision = new HashMap<>();
        Set<UUID> ended = new HashSet<>();
        for (Evidence.AuditRow row : e.audit()) {
            if (row.actionId() == null) {
                continue;
            }
            if (FINAL_DECISIONS.contains(row.type()) && row.decision() != null) {
                finalDecision.put(row.actionId(), row.decision());
            }
            if ("EXECUTION_FINISHED".equals(row.type()) || "EXECUTION_REFUSED".equals(row.type())) {
                ended.add(row.actionId());
            }
        }
        int allowed = 0;
        for (Map.Entry<UUID, String> d : finalDecision.entrySet()) {
            if (ALLOWING.contains(d.getValue())) {
                allowed++;
                if (!ended.contains(d.getKey())) {
                    violations.add("allowed " + d.getKey() + " has no EXECUTION_FINISHED or EXECUTION_REFUSED");
                }
            }
        }
        e.executions().forEach((action, status) -> {
            if ("RUNNING".equals(status)) {
                violations.add("run of " + action + " left RUNNING");
            }
        });
        return new Invariant("(3) nothing lost", "proposed=" + proposed.size() + " sentByHarness=" + sent.size()
                + " verdicts=" + byDecision + " holds=" + e.holds().size() + " allowedFinally=" + allowed
                + " ended=" + ended.size(), violations);
    }

    /** (4) Every goal of the run ended in a terminal status. */
    static Invariant goalsEnded(Evidence e, Set<UUID> goals) {
        List<String> violations = new ArrayList<>();
        Map<String, Integer> byStatus = new TreeMap<>();
        for (UUID goal : goals) {
            String status = e.goalStatus().get(goal);
            byStatus.merge(String.valueOf(status), 1, Integer::sum);
            if (status == null || "RUNNING".equals(status)) {
                violations.add("goal " + goal + " is " + status);
            }
        }
        return new Invariant("(4) every goal ended", "goals=" + goals.size() + " " + byStatus, violations);
    }

    /**
     * Records the platform may still append once everything has settled: the re-execution audit re-runs finished
     * actions in the background, so its outcomes can land between the verification and the table's read.
     */
    private static final Set<String> REEXECUTION_OUTCOMES = Set.of("RESULT_REPRODUCED", "RESULT_MISMATCH",
            "RESULT_NOT_MEASURED");

    /**
     * (5) The audit chain verifies against its signed checkpoints, and the verification covered every record the table
     * held when it ran (only re-execution outcomes may have been appended since).
     */
    static Invariant chainVerifies(Evidence e) {
        JsonNode v = e.verification();
        List<String> violations = new ArrayList<>();
        if (!v.path("verified").asBoolean(false)) {
            violations.add("not verified: " + v);
        }
        if (v.path("checkpointsChecked").asInt(0) < 1) {
            violations.add("no checkpoint checked");
        }
        for (JsonNode problem : v.path("checkpointProblems")) {
            violations.add("checkpoint " + problem);
        }
        long verified = v.path("chain").path("records").asLong(-1);
        List<String> laterTypes = verified >= 0 && verified <= e.audit().size()
                ? e.audit().subList((int) verified, e.audit().size()).stream().map(Evidence.AuditRow::type).toList()
                : List.of();
        if (verified < 0 || verified > e.audit().size()
                || !REEXECUTION_OUTCOMES.containsAll(laterTypes)) {
            violations.add("the monitor verified " + v.path("chain").path("records") + " records, the table holds "
                    + e.audit().size() + (laterTypes.isEmpty() ? "" : ", appended since: " + laterTypes));
        }
        return new Invariant("(5) audit chain verifies", "records=" + v.path("chain").path("records").asText()
                + " checkpointsChecked=" + v.path("checkpointsChecked").asText()
                + " coveredSeq=" + v.path("coveredSeq").asText(), violations);
    }

    /** (6) The dead-letter topics hold exactly the garbage the run injected: all of it, and nothing else. */
    static Invariant deadLettersExact(Evidence e, Map<String, List<byte[]>> injected) {
        List<String> violations = new ArrayList<>();
        int injectedCount = 0;
        int dlqCount = 0;
        for (Map.Entry<String, List<byte[]>> topic : e.deadLetters().entrySet()) {
            List<byte[]> garbage = injected.getOrDefault(topic.getKey(), List.of()).stream()
                    .map(Invariants::asConsumersSeeIt).toList();
            injectedCount += garbage.size();
            dlqCount += topic.getValue().size();
            for (byte[] record : topic.getValue()) {
                if (garbage.stream().noneMatch(g -> Arrays.equals(g, record))) {
                    violations.add(topic.getKey() + ".dlq holds a record the run did not inject: "
                            + preview(record));
                }
            }
            for (byte[] g : garbage) {
                if (topic.getValue().stream().noneMatch(r -> Arrays.equals(g, r))) {
                    violations.add("garbage sent to " + topic.getKey() + " never reached its DLQ: " + preview(g));
                }
            }
        }
        return new Invariant("(6) DLQs hold exactly the garbage", "injected=" + injectedCount
                + " dlqRecords=" + dlqCount + " (one per consumer group that read it)", violations);
    }

    /**
     * A record as a consumer reads it and dead-letters it: as UTF-8 text, so bytes that are no UTF-8 come back as
     * U+FFFD. The DLQ holds what the consumer saw, not the bytes on the wire.
     */
    static byte[] asConsumersSeeIt(byte[] value) {
        return new String(value, java.nio.charset.StandardCharsets.UTF_8)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static String preview(byte[] value) {
        if (value == null) {
            return "null";
        }
        String text = new String(value, 0, Math.min(value.length, 160), java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll("\\p{Cntrl}", "?");
        return text + (value.length > 160 ? "… (" + value.length + " bytes)" : "");
    }
}
