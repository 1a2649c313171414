package org.alignlab.monitor.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ReplicationDerivation;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.RuleHit;
import org.alignlab.contracts.events.Split;
import org.alignlab.monitor.scoring.Lineage.Ancestor;
import org.junit.jupiter.api.Test;

class LineageRuleTest {

    private static final UUID GOAL = UUID.randomUUID();
    private static final ResourceRequest RESOURCES = new ResourceRequest(900, 1536, 1500);
    private static final AgentAction PARENT = new AgentAction(UUID.randomUUID(), GOAL, 1, Agent.IDEATION,
            "search/gp", ActionType.RUN_EXPERIMENT, null, "Changes from the baseline: labelNoise 0.1.",
            new ExperimentSpec("linear-probe", Map.of("labelNoise", 0.1, "hidden", 32), List.of(1, 2, 3),
                    Split.VALIDATION, RESOURCES, null),
            Instant.parse("2026-12-01T10:00:00Z"));

    private final LineageRule rule = new LineageRule();

    @Test
    void aFaithfulReplicationOfAnActionTheGateSawPasses() {
        // 32 and 32.0 are the same setting: JSON does not say which the parent was written with.
        AgentAction replication = replication(PARENT, Map.of("labelNoise", 0.1, "hidden", 32.0));

        assertThat(check(replication, Lineage.ofActions(List.of(PARENT)))).isEmpty();
        assertThat(check(replication, allowed(PARENT))).isEmpty();
    }

    @Test
    void aReplicationThatChangesTheExperimentIsBlocked() {
        List<RuleHit> hits = rule.check(replication(PARENT, Map.of("labelNoise", 0.1, "hidden", 4)),
                Lineage.ofActions(List.of(PARENT)));

        assertThat(hits).extracting(RuleHit::ruleId).containsExactly("lineage-violation");
        assertThat(hits.get(0).detail()).contains("replicates params");
    }

    @Test
    void aParentTheGateNeverSawOrOfAnotherGoalIsBlocked() {
        AgentAction replication = replication(PARENT, PARENT.spec().params());
        AgentAction otherGoalsParent = new AgentAction(PARENT.id(), UUID.randomUUID(), 1, Agent.IDEATION,
                PARENT.policy(), PARENT.type(), null, PARENT.hypothesis(), PARENT.spec(), PARENT.createdAt());

        assertThat(check(replication, Lineage.of(List.of()))).containsExactly("lineage-violation");
        assertThat(check(replication, Lineage.ofActions(List.of(otherGoalsParent))))
                .containsExactly("lineage-violation");
    }

    @Test
    void aReplicationOfABlockedActionIsBlocked() {
        Lineage blocked = Lineage.of(List.of(new Ancestor(PARENT, Optional.of(Decision.BLOCK), Optional.empty())));

        assertThat(check(replication(PARENT, PARENT.spec().params()), blocked)).containsExactly("lineage-violation");
    }

    @Test
    void aTrustedReplacementMustBeTheOneTheGateDeferredTo() {
        UUID replacementId = UUID.randomUUID();
        AgentAction replacement = trusted(replacementId, PARENT.spec().family(), List.of(1, 2));
        Lineage deferred = Lineage.of(List.of(new Ancestor(PARENT, Optional.of(Decision.DEFER_TO_TRUSTED),
                Optional.of(replacementId))));
        Lineage allowedInstead = allowed(PARENT);

        assertThat(check(replacement, deferred)).isEmpty();
        assertThat(check(replacement, Lineage.ofActions(List.of(PARENT)))).isEmpty();
        assertThat(check(replacement, allowedInstead)).containsExactly("lineage-violation");
        assertThat(check(trusted(replacementId, "weak-to-strong", List.of(1, 2)), deferred))
                .containsExactly("lineage-violation");
        assertThat(check(trusted(replacementId, PARENT.spec().family(), List.of(7)), deferred))
                .containsExactly("lineage-violation");
    }

    @Test
    void anActionNamingNoParentIsNotThisRulesConcern() {
        assertThat(check(PARENT, Lineage.of(List.of()))).isEmpty();
    }

    private List<String> check(AgentAction action, Lineage lineage) {
        return rule.check(action, lineage).stream().map(RuleHit::ruleId).toList();
    }

    private static Lineage allowed(AgentAction parent) {
        return Lineage.of(List.of(new Ancestor(parent, Optional.of(Decision.ALLOW), Optional.empty())));
    }

    private static AgentAction replication(AgentAction parent, Map<String, Object> params) {
        return new AgentAction(ReplicationDerivation.replicationId(parent.id(), Split.HELDOUT), parent.goalId(), 2,
                Agent.REVIEW, "replicate-heldout", ActionType.REPLICATE_EXPERIMENT, parent.id(),
                "Replication of action " + parent.id(),
                new ExperimentSpec(parent.spec().family(), params,
                        ReplicationDerivation.freshSeeds(parent.id(), Split.HELDOUT, 3), Split.HELDOUT, RESOURCES,
                        null),
                Instant.parse("2026-12-01T11:00:00Z"));
    }

    private static AgentAction trusted(UUID id, String family, List<Integer> seeds) {
        return new AgentAction(id, GOAL, 1, Agent.TRUSTED, "defer-to-trusted", ActionType.RUN_EXPERIMENT,
                PARENT.id(), "trusted replacement of action " + PARENT.id(),
                new ExperimentSpec(family, Map.of(), seeds, Split.VALIDATION, RESOURCES, null),
                Instant.parse("2026-12-01T10:00:01Z"));
    }
}
