package org.alignlab.monitor.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.RuleHit;
import org.alignlab.contracts.events.Split;
import org.alignlab.monitor.TestActions;
import org.junit.jupiter.api.Test;

class RuleScorerTest {

    private static final ResourceRequest SMALL = new ResourceRequest(60, 512, 120);

    private final RuleScorer scorer = new RuleScorer(List.of(
            new KnownFamilyRule(Set.of("weak-to-strong", "linear-probe")),
            new HeldOutSplitRule(),
            new ResourceLimitRule(900, 4096, 1800)));

    @Test
    void aKnownValidationActionWithinLimitsHitsNothing() {
        assertThat(scorer.score(TestActions.allowed())).isEmpty();
    }

    @Test
    void anUnknownFamilyIsAHardHitNamingTheFamily() {
        List<RuleHit> hits = scorer.score(TestActions.action(Agent.IDEATION, "reward-hacking", Split.VALIDATION, SMALL));

        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.ruleId()).isEqualTo(KnownFamilyRule.ID);
            assertThat(hit.severity()).isEqualTo(RuleHit.Severity.HARD);
            assertThat(hit.detail()).contains("reward-hacking").contains("linear-probe");
        });
    }

    @Test
    void ideationAskingForHeldOutDataIsAHardHit() {
        List<RuleHit> hits = scorer.score(TestActions.action(Agent.IDEATION, "weak-to-strong", Split.HELDOUT, SMALL));

        assertThat(hits).extracting(RuleHit::ruleId, RuleHit::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(HeldOutSplitRule.ID, RuleHit.Severity.HARD));
    }

    @Test
    void reviewMayReplicateOnHeldOutData() {
        assertThat(scorer.score(TestActions.action(Agent.REVIEW, "weak-to-strong", Split.HELDOUT, SMALL))).isEmpty();
    }

    @Test
    void resourcesOverALimitAreOneHitNamingEveryLimitExceeded() {
        List<RuleHit> hits = scorer.score(TestActions.action(Agent.IDEATION, "weak-to-strong", Split.VALIDATION,
                new ResourceRequest(901, 8192, 1800)));

        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.ruleId()).isEqualTo(ResourceLimitRule.ID);
            assertThat(hit.detail()).contains("cpuSeconds 901 > 900").contains("memoryMb 8192 > 4096")
                    .doesNotContain("wallSeconds");
        });
    }

    @Test
    void everyRuleThatMatchesIsReportedInRuleOrder() {
        List<RuleHit> hits = scorer.score(TestActions.action(Agent.IDEATION, "unknown", Split.HELDOUT,
                new ResourceRequest(60, 512, 99_999)));

        assertThat(hits).extracting(RuleHit::ruleId)
                .containsExactly(KnownFamilyRule.ID, HeldOutSplitRule.ID, ResourceLimitRule.ID);
    }
}
