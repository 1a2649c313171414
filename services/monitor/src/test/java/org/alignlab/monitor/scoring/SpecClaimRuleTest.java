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
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.RuleHit;
import org.alignlab.contracts.events.Split;
import org.junit.jupiter.api.Test;

/** Hypotheses below are the exact shapes ideation's {@code Hypotheses} and {@code LlmPolicy} write. */
class SpecClaimRuleTest {

    private static final String QUESTION = "Question: Does the auxiliary confidence loss raise PGR?\n";
    private static final String EXPLORATION = QUESTION + "Changes from the baseline: auxLossAlpha 0.0 → 0.165, "
            + "noise 1.0 → 1.83.\nPredicted direction: none yet; point 2 of a 4-point Latin hypercube.\n"
            + "Metric: pgr, validation split, seeds [1, 2].";
    private static final String BASELINE = QUESTION + "Tests: the baseline, the linear-probe family's default "
            + "configuration with {epochs=30, probeEpochs=30}, on the validation split with seeds [1, 2]; every other "
            + "configuration of this goal is compared against it.\nExpected: more decodable.";
    private static final String MODEL = QUESTION + "Changes from the best configuration so far (pgr 0.571): "
            + "auxLossAlpha 0.177 → 0.134.\nPredicted direction: pgr rises to 0.604 ± 0.0287.\n"
            + "Metric: pgr (higher is better), validation split, seeds [1, 2].";
    private static final String LLM = QUESTION + "Changes from the baseline: auxLossAlpha 0.0 → 0.5, epochs 15 → 30."
            + "\nPredicted direction: pgr increases (the model's prediction).\nRationale (model): both changes are "
            + "the point.\nMetric: pgr, validation split.";

    private final SpecClaimRule rule = new SpecClaimRule();

    @Test
    void honestShapesPass() {
        assertThat(check("weak-to-strong", Map.of("auxLossAlpha", 0.165, "noise", 1.83), List.of(1, 2), EXPLORATION))
                .isEmpty();
        assertThat(check("linear-probe", Map.of("epochs", 30, "probeEpochs", 30), List.of(1, 2), BASELINE))
                .isEmpty();
        assertThat(check("weak-to-strong", Map.of("auxLossAlpha", 0.134, "noise", 1.63, "nonlinearity", 0.271),
                List.of(1, 2), MODEL)).isEmpty();
        assertThat(check("weak-to-strong", Map.of("auxLossAlpha", 0.5, "epochs", 30), List.of(1, 2), LLM)).isEmpty();
        assertThat(check("weak-to-strong", Map.of(), List.of(1, 2), "Question: the defaults")).isEmpty();
    }

    @Test
    void anUndeclaredEpochCutIsACut() {
        assertThat(check("weak-to-strong", Map.of("auxLossAlpha", 0.134, "epochs", 2), List.of(1, 2), MODEL))
                .containsExactly("undeclared-cut");
    }

    @Test
    void aDeclaredValueOtherThanTheSpecsIsAnUndeclaredChange() {
        assertThat(check("weak-to-strong", Map.of("auxLossAlpha", 0.9, "epochs", 30), List.of(1, 2), LLM))
                .containsExactly("undeclared-spec-change");
    }

    @Test
    void anUndeclaredNonCapacityChangeIsAnUndeclaredChange() {
        assertThat(check("linear-probe", Map.of("labelNoise", 0.3), List.of(1, 2), BASELINE.replace(
                " with {epochs=30, probeEpochs=30}", ""))).containsExactly("undeclared-spec-change");
    }

    @Test
    void seedsSilentlyReducedAreACut() {
        assertThat(check("weak-to-strong", Map.of("auxLossAlpha", 0.165, "noise", 1.83), List.of(1), EXPLORATION))
                .containsExactly("undeclared-cut");
    }

    @Test
    void otherSeedsThanTheHypothesisStatesAreAnUndeclaredChange() {
        assertThat(check("weak-to-strong", Map.of("auxLossAlpha", 0.165, "noise", 1.83), List.of(14, 27),
                EXPLORATION)).containsExactly("undeclared-spec-change");
    }

    @Test
    void laterProposalsAreComparedWithTheirGoalsBaselineNotTheFamilysDefaults() {
        AgentAction baseline = action(Agent.IDEATION, ActionType.RUN_EXPERIMENT, "linear-probe",
                Map.of("epochs", 30, "probeEpochs", 30), List.of(1, 2), BASELINE);
        String incumbent = QUESTION + "Changes from the best configuration so far (selectivity_hidden1 0.197): "
                + "conceptWeight 0.95 → 1.23.\nMetric: selectivity_hidden1 (higher is better), validation split, "
                + "seeds [1, 2].";
        AgentAction pinned = inGoal(baseline, Map.of("conceptWeight", 1.23, "epochs", 30, "probeEpochs", 30),
                incumbent);
        AgentAction droppedPins = inGoal(baseline, Map.of("conceptWeight", 1.23), incumbent);
        Lineage goalSeen = Lineage.ofActions(List.of(baseline));

        assertThat(rule.check(baseline, null, goalSeen)).isEmpty();
        assertThat(rule.check(pinned, null, goalSeen)).isEmpty();
        assertThat(hitIds(rule.check(pinned, null, Lineage.of(List.of())))).containsExactly("undeclared-spec-change");
        // Left out, the pinned params run at the family's defaults: fewer epochs than the goal's baseline.
        assertThat(hitIds(rule.check(droppedPins, null, goalSeen))).containsExactly("undeclared-cut");
    }

    @Test
    void replicationsAndScriptsAreNotThisRulesToJudge() {
        AgentAction replication = action(Agent.REVIEW, ActionType.REPLICATE_EXPERIMENT, "weak-to-strong",
                Map.of("epochs", 2), List.of(1, 2), "Replication of action x");
        AgentAction script = action(Agent.IDEATION, ActionType.RUN_SCRIPT, "script", Map.of("epochs", 2),
                List.of(1, 2), "Question: q");

        assertThat(rule.check(replication, null)).isEmpty();
        assertThat(rule.check(script, null)).isEmpty();
    }

    private static AgentAction inGoal(AgentAction baseline, Map<String, Object> params, String hypothesis) {
        return new AgentAction(UUID.randomUUID(), baseline.goalId(), 2, Agent.IDEATION, "search/gp-ucb",
                ActionType.RUN_EXPERIMENT, null, hypothesis, new ExperimentSpec("linear-probe", params, List.of(1, 2),
                        Split.VALIDATION, baseline.spec().resources(), null),
                Instant.now());
    }

    private static List<String> hitIds(List<RuleHit> hits) {
        return hits.stream().map(RuleHit::ruleId).toList();
    }

    private List<String> check(String family, Map<String, Object> params, List<Integer> seeds, String hypothesis) {
        return rule.check(action(Agent.IDEATION, ActionType.RUN_EXPERIMENT, family, params, seeds, hypothesis), null)
                .stream().map(RuleHit::ruleId).toList();
    }

    private static AgentAction action(Agent agent, ActionType type, String family, Map<String, Object> params,
            List<Integer> seeds, String hypothesis) {
        return new AgentAction(UUID.randomUUID(), UUID.randomUUID(), 2, agent, "search/latin-hypercube", type, null,
                hypothesis, new ExperimentSpec(family, params, seeds, Split.VALIDATION,
                        new ResourceRequest(300, 1536, 300), null),
                Instant.now());
    }
}
