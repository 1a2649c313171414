package org.alignlab.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.alignlab.contracts.json.Json;
import org.junit.jupiter.api.Test;

/** The invariants must catch what they claim to: each violation below is planted in otherwise clean evidence. */
class InvariantsTest {

    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();
    private static final UUID GOAL = UUID.randomUUID();

    private static Evidence evidence(List<Evidence.AuditRow> audit, Map<UUID, String> executions,
            Map<String, List<byte[]>> dlq) {
        return new Evidence(audit, Map.of(A, "ALLOW", B, "HOLD"), Map.of(B, "APPROVED"), executions,
                Map.of(GOAL, "COMPLETED"), List.of(A, B), Map.of(), dlq,
                Json.parse("{\"verified\": true, \"checkpointsChecked\": 2, \"chain\": {\"records\": " + audit.size()
                        + "}, \"checkpointProblems\": []}"));
    }

    private static List<Evidence.AuditRow> cleanChain() {
        return List.of(
                new Evidence.AuditRow(1, "ACTION_PROPOSED", A, null),
                new Evidence.AuditRow(2, "VERDICT", A, "ALLOW"),
                new Evidence.AuditRow(3, "ACTION_PROPOSED", B, null),
                new Evidence.AuditRow(4, "VERDICT", B, "HOLD"),
                new Evidence.AuditRow(5, "EXECUTION_STARTED", A, null),
                new Evidence.AuditRow(6, "HUMAN_DECISION", B, "ALLOW"),
                new Evidence.AuditRow(7, "EXECUTION_STARTED", B, null),
                new Evidence.AuditRow(8, "EXECUTION_FINISHED", A, null),
                new Evidence.AuditRow(9, "EXECUTION_FINISHED", B, null));
    }

    @Test
    void aCleanRunKeepsEveryInvariant() {
        byte[] garbage = {1, 2, 3};
        Evidence e = evidence(cleanChain(), Map.of(A, "SUCCEEDED", B, "SUCCEEDED"),
                Map.of("agent.actions", List.of(garbage, garbage.clone())));
        List<Invariant> invariants = Invariants.check(e, Set.of(GOAL), Set.of(A, B),
                Map.of("agent.actions", List.of(garbage)));
        assertThat(invariants).allMatch(Invariant::holds);
        assertThat(invariants.get(0).counts()).contains("afterAllow=1", "afterApproval=1");
    }

    /**
     * The re-execution audit appends its outcome after a run ended, so it may land between the verification and the
     * table's read; any other record the verification did not cover is a violation.
     */
    @Test
    void onlyAReexecutionOutcomeMayFollowTheVerifiedRecords() {
        List<Evidence.AuditRow> chain = cleanChain();
        Evidence verifiedAll = evidence(chain, Map.of(), Map.of());
        List<Evidence.AuditRow> withReexecution = new ArrayList<>(chain);
        withReexecution.add(new Evidence.AuditRow(10, "RESULT_REPRODUCED", A, null));
        Evidence reexecutedSince = new Evidence(withReexecution, verifiedAll.verdicts(), verifiedAll.holds(),
                verifiedAll.executions(), verifiedAll.goalStatus(), verifiedAll.proposedActions(),
                verifiedAll.completedResults(), verifiedAll.deadLetters(), verifiedAll.verification());
        assertThat(Invariants.chainVerifies(reexecutedSince).holds()).isTrue();

        List<Evidence.AuditRow> withAnExecution = new ArrayList<>(chain);
        withAnExecution.add(new Evidence.AuditRow(10, "EXECUTION_STARTED", B, null));
        Evidence unverifiedRun = new Evidence(withAnExecution, verifiedAll.verdicts(), verifiedAll.holds(),
                verifiedAll.executions(), verifiedAll.goalStatus(), verifiedAll.proposedActions(),
                verifiedAll.completedResults(), verifiedAll.deadLetters(), verifiedAll.verification());
        Invariant chainInvariant = Invariants.chainVerifies(unverifiedRun);
        assertThat(chainInvariant.holds()).isFalse();
        assertThat(chainInvariant.violations()).anyMatch(v -> v.contains("appended since: [EXECUTION_STARTED]"));
    }

    @Test
    void anExecutionBeforeItsApprovalIsCaught() {
        List<Evidence.AuditRow> audit = List.of(
                new Evidence.AuditRow(1, "VERDICT", B, "HOLD"),
                new Evidence.AuditRow(2, "EXECUTION_STARTED", B, null),
                new Evidence.AuditRow(3, "HUMAN_DECISION", B, "ALLOW"),
                new Evidence.AuditRow(4, "EXECUTION_FINISHED", B, null));
        Invariant gated = Invariants.gatedExecution(evidence(audit, Map.of(B, "SUCCEEDED"), Map.of()));
        assertThat(gated.holds()).isFalse();
        assertThat(gated.violations()).anyMatch(v -> v.contains("no earlier ALLOW"));
    }

    @Test
    void aSecondStartARunLeftRunningAndAnUndeclaredDeadLetterAreCaught() {
        List<Evidence.AuditRow> audit = new ArrayList<>(cleanChain());
        audit.add(new Evidence.AuditRow(10, "EXECUTION_STARTED", A, null));
        Evidence e = evidence(audit, Map.of(A, "SUCCEEDED", B, "RUNNING"),
                Map.of("reviews", List.<byte[]>of("{\"valid\":\"but dead\"}".getBytes())));
        assertThat(Invariants.executedOnce(e).holds()).isFalse();
        assertThat(Invariants.nothingLost(e, Set.of(A, B)).violations()).anyMatch(v -> v.contains("left RUNNING"));
        assertThat(Invariants.deadLettersExact(e, Map.of()).violations())
                .anyMatch(v -> v.contains("did not inject"));
    }

    @Test
    void anAllowedActionWithoutAResultAndAGoalStillRunningAreCaught() {
        List<Evidence.AuditRow> audit = cleanChain().subList(0, 8);
        Evidence e = evidence(audit, Map.of(A, "SUCCEEDED", B, "SUCCEEDED"), Map.of());
        assertThat(Invariants.nothingLost(e, Set.of(A, B)).violations())
                .anyMatch(v -> v.contains(B + " has no EXECUTION_FINISHED"));
        Evidence running = new Evidence(e.audit(), e.verdicts(), e.holds(), e.executions(), Map.of(GOAL, "RUNNING"),
                e.proposedActions(), e.completedResults(), e.deadLetters(), e.verification());
        assertThat(Invariants.goalsEnded(running, Set.of(GOAL)).holds()).isFalse();
    }
}
