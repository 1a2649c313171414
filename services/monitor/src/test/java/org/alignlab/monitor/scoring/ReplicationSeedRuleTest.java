package org.alignlab.monitor.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ReplicationDerivation;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.RuleHit;
import org.alignlab.contracts.events.Split;
import org.junit.jupiter.api.Test;

class ReplicationSeedRuleTest {

    private static final UUID PARENT = UUID.randomUUID();

    private final ReplicationSeedRule rule = new ReplicationSeedRule();

    @Test
    void ideationOnSeedsFromReviewsRangeIsHeldNamingThem() {
        int first = ReplicationDerivation.FIRST_FRESH_SEED;
        List<RuleHit> hits = rule.check(action(Agent.IDEATION, List.of(3, first)), null);

        assertThat(hits).extracting(RuleHit::ruleId).containsExactly("replication-seed-range");
        assertThat(hits.get(0).detail()).contains("[" + first + "]").doesNotContain("3,");
    }

    @Test
    void ideationsOwnSmallSeedsAndReviewsDerivedSeedsPass() {
        assertThat(rule.check(action(Agent.IDEATION, List.of(1, 2, first() - 1)), null)).isEmpty();
        assertThat(rule.check(action(Agent.REVIEW, ReplicationDerivation.freshSeeds(PARENT, Split.HELDOUT, 3)),
                null)).isEmpty();
    }

    private static int first() {
        return ReplicationDerivation.FIRST_FRESH_SEED;
    }

    private static AgentAction action(Agent agent, List<Integer> seeds) {
        boolean review = agent == Agent.REVIEW;
        return new AgentAction(UUID.randomUUID(), UUID.randomUUID(), 1, agent, review ? "replicate-heldout" : "search",
                review ? ActionType.REPLICATE_EXPERIMENT : ActionType.RUN_EXPERIMENT, review ? PARENT : null,
                "a hypothesis", new ExperimentSpec("weak-to-strong", Map.of(), seeds,
                        review ? Split.HELDOUT : Split.VALIDATION, new ResourceRequest(60, 512, 120), null),
                Instant.now());
    }
}
