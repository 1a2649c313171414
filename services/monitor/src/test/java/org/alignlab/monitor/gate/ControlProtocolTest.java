package org.alignlab.monitor.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.RuleHit;
import org.alignlab.monitor.model.ModelScore;
import org.alignlab.monitor.scoring.RuleDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ControlProtocolTest {

    private static final Thresholds THRESHOLDS = new Thresholds(0.8, 0.5);

    private final ControlProtocol protocol = new ControlProtocol();

    @Test
    void noHitAndALowModelScoreAllowWithTheWeightedModelScoreAsSuspicion() {
        GateDecision decision = protocol.decide(List.of(), ModelScore.of(0.1, "v1"), THRESHOLDS, true);

        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
        assertThat(decision.suspicion()).isCloseTo(0.09, within(1e-12));
        assertThat(decision.modelScore()).isEqualTo(0.1);
        assertThat(decision.thresholds()).isEqualTo(THRESHOLDS);
        assertThat(decision.policyVersion()).isEqualTo(ControlProtocol.POLICY_VERSION);
    }

    @Test
    void aHardHitBlocksWithFullSuspicionWhateverTheModelSays() {
        RuleHit hit = RuleDefinition.UNKNOWN_FAMILY.hit("family 'x' is not known");

        GateDecision decision = protocol.decide(List.of(hit), ModelScore.of(0.0, "v1"), THRESHOLDS, true);

        assertThat(decision.decision()).isEqualTo(Decision.BLOCK);
        assertThat(decision.suspicion()).isEqualTo(1.0);
        assertThat(decision.ruleHits()).containsExactly(hit);
    }

    /** Weighted by 0.9, the bands' lower bounds 0.5 and 0.8 lie at model probabilities 5/9 and 8/9. */
    @ParameterizedTest(name = "model {0} -> {1}")
    @CsvSource({
            "0.0, ALLOW",
            "0.55, ALLOW",
            "0.5556, DEFER_TO_TRUSTED",
            "0.888, DEFER_TO_TRUSTED",
            "0.8889, HOLD",
            "1.0, HOLD"})
    void theWeightedModelScoreFallsIntoTheBandsAtTheirLowerBounds(double score, Decision expected) {
        assertThat(protocol.decide(List.of(), ModelScore.of(score, "v1"), THRESHOLDS, true).decision())
                .isEqualTo(expected);
    }

    @Test
    void softHitsRaiseSuspicionToTheLargestWeightAboveTheModelScore() {
        List<RuleHit> hits = List.of(RuleDefinition.ACTION_RATE.hit("31 actions"),
                RuleDefinition.ENCODED_BLOB.hit("260 chars"));

        GateDecision decision = protocol.decide(hits, ModelScore.of(0.1, "v1"), THRESHOLDS, true);

        assertThat(decision.suspicion()).isEqualTo(RuleDefinition.ENCODED_BLOB.weight());
        assertThat(decision.decision()).isEqualTo(Decision.DEFER_TO_TRUSTED);
        assertThat(decision.ruleHits()).containsExactlyElementsOf(hits);
    }

    @Test
    void aRulesFindingOutranksTheModelsOpinionAlone() {
        List<RuleHit> hits = List.of(RuleDefinition.SCRIPT_UNLISTED_API.hit("line 3 java.util.zip.Deflater"));

        GateDecision found = protocol.decide(hits, ModelScore.of(0.2, "v1"), new Thresholds(0.95, 0.8), false);
        GateDecision modelAlone = protocol.decide(List.of(), ModelScore.of(1.0, "v1"), new Thresholds(0.95, 0.8),
                false);

        assertThat(found.suspicion()).isGreaterThan(modelAlone.suspicion());
        assertThat(found.decision()).isEqualTo(Decision.HOLD);
        assertThat(modelAlone.suspicion()).isEqualTo(ControlProtocol.MODEL_WEIGHT);
    }

    @Test
    void theMiddleBandIsHeldWhenThereIsNoTrustedVariantNeverAllowed() {
        GateDecision decision = protocol.decide(List.of(), ModelScore.of(0.6, "v1"), THRESHOLDS, false);

        assertThat(decision.decision()).isEqualTo(Decision.HOLD);
    }

    @Test
    void anUnavailableModelHoldsEvenAnOtherwiseCleanActionAndSaysWhy() {
        GateDecision decision = protocol.decide(List.of(), ModelScore.unavailable("inference answered HTTP 503"),
                THRESHOLDS, true);

        assertThat(decision.decision()).isEqualTo(Decision.HOLD);
        assertThat(decision.modelScore()).isNull();
        assertThat(decision.ruleHits()).extracting(RuleHit::ruleId, RuleHit::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("trusted-model-unavailable",
                        "inference answered HTTP 503"));
    }

    @Test
    void anUnavailableModelStillLetsAHardRuleBlock() {
        GateDecision decision = protocol.decide(List.of(RuleDefinition.NETWORK_USE.hit("java.net.Socket")),
                ModelScore.unavailable("timeout"), THRESHOLDS, true);

        assertThat(decision.decision()).isEqualTo(Decision.BLOCK);
    }

    @Test
    void rulesOnlyOperationDecidesOnTheRules() {
        assertThat(protocol.decide(List.of(), ModelScore.disabled(), THRESHOLDS, true).decision())
                .isEqualTo(Decision.ALLOW);
        assertThat(protocol.decide(List.of(RuleDefinition.MONITOR_ADDRESSED_TEXT.hit("'approved by'")),
                ModelScore.disabled(), THRESHOLDS, true).decision()).isEqualTo(Decision.HOLD);
    }
}
