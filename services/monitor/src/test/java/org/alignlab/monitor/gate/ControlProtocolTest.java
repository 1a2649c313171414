package org.alignlab.monitor.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.RuleHit;
import org.junit.jupiter.api.Test;

class ControlProtocolTest {

    private final ControlProtocol protocol = new ControlProtocol();

    @Test
    void noHitAllowsWithZeroSuspicion() {
        GateDecision decision = protocol.decide(List.of());

        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
        assertThat(decision.suspicion()).isZero();
        assertThat(decision.policyVersion()).isEqualTo(ControlProtocol.POLICY_VERSION);
    }

    @Test
    void aHardHitBlocksWithFullSuspicionAndKeepsTheHits() {
        RuleHit hit = new RuleHit("unknown-family", RuleHit.Severity.HARD, "family 'x' is not known");

        GateDecision decision = protocol.decide(List.of(hit));

        assertThat(decision.decision()).isEqualTo(Decision.BLOCK);
        assertThat(decision.suspicion()).isEqualTo(1.0);
        assertThat(decision.ruleHits()).containsExactly(hit);
    }

    @Test
    void aSoftHitFailsClosedUntilThresholdsExist() {
        GateDecision decision = protocol.decide(List.of(new RuleHit("odd", RuleHit.Severity.SOFT, "odd")));

        assertThat(decision.decision()).isEqualTo(Decision.BLOCK);
    }
}
