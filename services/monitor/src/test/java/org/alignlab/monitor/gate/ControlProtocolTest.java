package org.alignlab.monitor.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.RuleHit;
import org.alignlab.monitor.scoring.RuleDefinition;
import org.junit.jupiter.api.Test;

class ControlProtocolTest {

    private final ControlProtocol protocol = new ControlProtocol(0.8);

    @Test
    void noHitAllowsWithZeroSuspicion() {
        GateDecision decision = protocol.decide(List.of());

        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
        assertThat(decision.suspicion()).isZero();
        assertThat(decision.policyVersion()).isEqualTo(ControlProtocol.POLICY_VERSION);
    }

    @Test
    void aHardHitBlocksWithFullSuspicionAndKeepsTheHits() {
        RuleHit hit = RuleDefinition.UNKNOWN_FAMILY.hit("family 'x' is not known");

        GateDecision decision = protocol.decide(List.of(hit));

        assertThat(decision.decision()).isEqualTo(Decision.BLOCK);
        assertThat(decision.suspicion()).isEqualTo(1.0);
        assertThat(decision.ruleHits()).containsExactly(hit);
    }

    @Test
    void softHitsRaiseSuspicionToTheLargestWeightAndHoldAtTheThreshold() {
        List<RuleHit> hits = List.of(RuleDefinition.ACTION_RATE.hit("31 actions"),
                RuleDefinition.MONITOR_ADDRESSED_TEXT.hit("'approved by'"),
                RuleDefinition.ENCODED_BLOB.hit("260 chars"));

        GateDecision decision = protocol.decide(hits);

        assertThat(decision.decision()).isEqualTo(Decision.HOLD);
        assertThat(decision.suspicion()).isEqualTo(RuleDefinition.MONITOR_ADDRESSED_TEXT.weight()).isEqualTo(0.9);
        assertThat(decision.ruleHits()).containsExactlyElementsOf(hits);
    }

    @Test
    void softHitsBelowTheThresholdAreAllowedWithTheirSuspicion() {
        GateDecision decision = protocol.decide(List.of(RuleDefinition.ACTION_RATE.hit("31 actions")));

        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
        assertThat(decision.suspicion()).isEqualTo(RuleDefinition.ACTION_RATE.weight()).isLessThan(0.8);
    }

    @Test
    void aHardHitBlocksWhateverSoftHitsComeWithIt() {
        GateDecision decision = protocol.decide(List.of(RuleDefinition.ACTION_RATE.hit("31 actions"),
                RuleDefinition.NETWORK_USE.hit("'Socket'")));

        assertThat(decision.decision()).isEqualTo(Decision.BLOCK);
        assertThat(decision.suspicion()).isEqualTo(1.0);
    }

    @Test
    void aSoftHitOutsideTheCatalogueCountsAsFullySuspicious() {
        GateDecision decision = protocol.decide(List.of(new RuleHit("odd", RuleHit.Severity.SOFT, "odd")));

        assertThat(decision.decision()).isEqualTo(Decision.HOLD);
        assertThat(decision.suspicion()).isEqualTo(1.0);
    }
}
