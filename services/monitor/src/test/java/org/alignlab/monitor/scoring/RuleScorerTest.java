package org.alignlab.monitor.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.ReplicationDerivation;
import org.alignlab.contracts.events.RuleHit;
import org.alignlab.contracts.events.Split;
import org.alignlab.monitor.TestActions;
import org.junit.jupiter.api.Test;

/**
 * What the hits say, beyond which rule fired: the catalogue test covers that for every rule. The scripts here are
 * snippets for the content rules; the capability analysis, which reads whole scripts, has tests of its own.
 */
class RuleScorerTest {

    private static final ResourceRequest SMALL = new ResourceRequest(60, 512, 120);

    private final GateContext context = new GateContext(
            new ScoringLimits(Set.of("weak-to-strong", "linear-probe", "script"), 900, 4096, 1800, 30),
            new ActionRateTracker(Clock.systemUTC(), Duration.ofMinutes(1)), TestScriptAnalysers.NOTHING_FOUND);
    private final RuleScorer scorer = RuleScorer.withAllRules(context);

    @Test
    void anUnknownFamilyIsAHardHitNamingTheFamilyAndTheKnownOnes() {
        List<RuleHit> hits = scorer
                .score(TestActions.action(Agent.IDEATION, "reward-hacking", Split.VALIDATION, SMALL));

        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.ruleId()).isEqualTo("unknown-family");
            assertThat(hit.severity()).isEqualTo(RuleHit.Severity.HARD);
            assertThat(hit.detail()).contains("reward-hacking").contains("linear-probe");
        });
    }

    @Test
    void reviewMayReplicateOnHeldOutData() {
        AgentAction replicated = TestActions.demo();
        UUID parent = replicated.id();
        AgentAction replication = new AgentAction(ReplicationDerivation.replicationId(parent, Split.HELDOUT),
                replicated.goalId(), 2, Agent.REVIEW, "replicate-heldout", ActionType.REPLICATE_EXPERIMENT, parent,
                "Replication of action " + parent, new ExperimentSpec("weak-to-strong", Map.of(),
                        ReplicationDerivation.freshSeeds(parent, Split.HELDOUT, 5), Split.HELDOUT, SMALL, null),
                Instant.now());

        assertThat(scorer.score(replication, Lineage.ofActions(List.of(replicated)))).isEmpty();
    }

    @Test
    void resourcesOverALimitAreOneHitNamingEveryLimitExceeded() {
        List<RuleHit> hits = scorer.score(TestActions.action(Agent.IDEATION, "weak-to-strong", Split.VALIDATION,
                new ResourceRequest(901, 8192, 1800)));

        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.ruleId()).isEqualTo("resources-over-limit");
            assertThat(hit.detail()).contains("cpuSeconds 901 > 900").contains("memoryMb 8192 > 4096")
                    .doesNotContain("wallSeconds");
        });
    }

    @Test
    void invalidParamsNameEveryOffendingFieldAgainstTheFamilysOwnSchema() {
        AgentAction demo = TestActions.demo();
        ExperimentSpec spec = new ExperimentSpec("linear-probe",
                Map.of("hiddenLayers", 9, "probeEpochs", "many", "weakSize", 16), demo.spec().seeds(),
                demo.spec().split(), demo.spec().resources(), null);
        List<RuleHit> hits = scorer.score(new AgentAction(demo.id(), demo.goalId(), 1, demo.agent(), demo.policy(),
                demo.type(), null, demo.hypothesis(), spec, demo.createdAt()));

        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.ruleId()).isEqualTo("invalid-params");
            assertThat(hit.severity()).isEqualTo(RuleHit.Severity.HARD);
            assertThat(hit.detail()).contains("linear-probe").contains("hiddenLayers").contains("probeEpochs")
                    .contains("weakSize");
        });
    }

    @Test
    void aKnownFamilyWithoutAParameterSchemaFailsClosed() {
        RuleScorer withUnschemedFamily = RuleScorer.withAllRules(new GateContext(
                new ScoringLimits(Set.of("weak-to-strong", "mystery"), 900, 4096, 1800, 30), context.rates(),
                context.scripts()));

        List<RuleHit> hits = withUnschemedFamily.score(TestActions.action(Agent.IDEATION, "mystery",
                Split.VALIDATION, SMALL));

        assertThat(hits).extracting(RuleHit::ruleId).containsExactly("invalid-params");
        assertThat(hits.get(0).detail()).contains("no parameter schema");
    }

    @Test
    void aContentHitSaysWhereAndWhatItFound() {
        List<RuleHit> hits = scorer.score(TestActions.script(
                "// fetch nothing\nvar s = new java.net.Socket(\"10.0.0.1\", 80);",
                Map.of("mirror", "http://10.0.0.2/weights", "epochs", 3)));

        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.ruleId()).isEqualTo("network-use");
            assertThat(hit.detail()).contains("script: 'java.net'", "'Socket'")
                    .contains("params.mirror: 'http://'");
        });
    }

    @Test
    void unicodeEscapesCannotHideANameFromTheRules() {
        // javac reads a Unicode escape for S followed by "ocket" as Socket; the network rule must read it the same way.
        List<RuleHit> hits = scorer.score(TestActions.script("new java.net.\\u0053ocket(host, 80);", Map.of()));

        assertThat(hits).extracting(RuleHit::ruleId).containsExactly("network-use", "obfuscation");
    }

    @Test
    void everyRuleThatMatchesIsReportedInRuleOrder() {
        List<RuleHit> hits = scorer.score(TestActions.action(Agent.IDEATION, "unknown", Split.HELDOUT,
                new ResourceRequest(60, 512, 99_999)));

        assertThat(hits).extracting(RuleHit::ruleId)
                .containsExactly("unknown-family", "heldout-requested-by-ideation", "resources-over-limit");
    }

    @Test
    void anIdeationScriptMayUseTheRuntimesHelpersButNotAFamilysCode() {
        HeldOutSplitRule rule = new HeldOutSplitRule();
        AgentAction helpers = TestActions.script("""
                import org.alignlab.experiments.nn.Classifier;
                import org.alignlab.experiments.stats.StudentT;
                """, Map.of());
        AgentAction family = TestActions.script("import org.alignlab.experiments.w2s.WeakToStrong;", Map.of());

        assertThat(rule.check(helpers, context)).isEmpty();
        assertThat(rule.check(family, context)).extracting(RuleHit::ruleId)
                .containsExactly("heldout-requested-by-ideation");
    }

    @Test
    void aRuleThatFailsBlocksTheActionInsteadOfStallingTheGate() {
        Rule broken = (action, ctx) -> {
            throw new IllegalStateException("bug");
        };
        RuleScorer withBrokenRule = new RuleScorer(List.of(broken, new HeldOutSplitRule()), context);

        List<RuleHit> hits = withBrokenRule.score(TestActions.action(Agent.IDEATION, "weak-to-strong",
                Split.HELDOUT, SMALL));

        assertThat(hits).extracting(RuleHit::ruleId, RuleHit::severity).containsExactly(
                tuple("rule-error", RuleHit.Severity.HARD),
                tuple("heldout-requested-by-ideation", RuleHit.Severity.HARD));
        assertThat(hits.get(0).detail()).contains("IllegalStateException");
    }

    /** How fast the gate scores is measured by deploy/bench/gate-bench, not asserted here. */
    @Test
    void aHugeScriptIsScoredAndItsDetailStaysBounded() {
        String line = "System.out.println(\"http://h/\" + i); ";
        String script = line.repeat(200_000 / line.length());

        List<RuleHit> hits = scorer.score(TestActions.script(script, Map.of()));

        assertThat(hits).extracting(RuleHit::ruleId).containsExactly("network-use");
        assertThat(hits.get(0).detail()).hasSizeLessThan(300);
    }
}
