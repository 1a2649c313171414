package org.alignlab.monitor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.alignlab.contracts.Topics;
import org.alignlab.platform.messaging.DeadLettered;
import org.junit.jupiter.api.Test;

class DeadLetteredRecordsTest {

    private static final UUID ACTION = UUID.randomUUID();
    private static final UUID GOAL = UUID.randomUUID();

    @Test
    void theIdsOfARecordTheEventsParserRefusesAreStillFound() {
        String hostile = "{\"id\":\"" + ACTION + "\",\"spec\":{\"params\":{\"n\":" + "9".repeat(400) + "}},"
                + "\"policy\":\"a\\u0000b\",\"goalId\":\"" + GOAL + "\"}";

        AuditFacts facts = DeadLetteredRecords.facts(new DeadLettered(Topics.AGENT_ACTIONS, hostile, "too big"));

        assertThat(facts.type()).isEqualTo("DEAD_LETTERED");
        assertThat(facts.actionId()).isEqualTo(ACTION);
        assertThat(facts.goalId()).isEqualTo(GOAL);
        assertThat(facts.detail()).isEqualTo("agent.actions record dead-lettered: too big");
        assertThat(facts.payloadHash()).matches("[0-9a-f]{64}");
    }

    @Test
    void garbageGivesNoIdsAndNeverThrows() {
        assertThat(DeadLetteredRecords.topLevelStrings("\u0000\u0001 not json {", Set.of("id"))).isEmpty();
        assertThat(DeadLetteredRecords.topLevelStrings("[1,2]", Set.of("id"))).isEmpty();
        assertThat(DeadLetteredRecords.topLevelStrings("{\"id\": 5, \"goalId\": \"x\"", Set.of("id", "goalId")))
                .containsOnlyKeys("goalId");
        AuditFacts facts = DeadLetteredRecords.facts(new DeadLettered(Topics.AUDIT_EVENTS, null, "nothing\u0000"));
        assertThat(facts.actionId()).isNull();
        assertThat(facts.detail()).doesNotContain("\u0000");
    }
}
