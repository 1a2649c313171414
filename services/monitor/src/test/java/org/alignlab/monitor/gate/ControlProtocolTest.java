package org.alignlab.monitor.gate;

import static org.assertj.core.api.Assertions.assertThat;

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
    void noHitAndALowModelScoreAllowWithTheModelScoreAsSuspicion() {
        GateDecision decision = protocol.decide(List.of(), ModelScore.of(0.1, "v1"), THRESHOLDS, true);

        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
        assertThat(decision.suspicion()).isEqualTo(0.1);
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

    @ParameterizedTest(name = "model {0} -> {1}")
    @CsvSource({
            "0.0, ALLOW",
            "0.49, ALLOW",
            "0.5, DEFER_TO_TRUSTED",
            "0.79, DEFER_TO_TRUSTED",
            "0.8, HOLD",
            "1.0, HOLD"})
    void theModelScoreFallsIntoTheBandsAtTheirLowerBounds(double score, Decision expected) {
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
