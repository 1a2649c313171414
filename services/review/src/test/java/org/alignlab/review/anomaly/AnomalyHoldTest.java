package org.alignlab.review.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alignlab.contracts.events.ResultAnomaly;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.events.ReviewVerdict;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.review.published.Withdrawal;
import org.junit.jupiter.api.Test;

class AnomalyHoldTest {

    private static final UUID GOAL = UUID.randomUUID();
    private static final UUID CANDIDATE = UUID.randomUUID();
    private static final UUID BASELINE = UUID.randomUUID();
    private static final UUID REPLICATION = UUID.randomUUID();
    private static final Review ACCEPTED = new Review(GOAL, CANDIDATE, List.of(CANDIDATE, BASELINE, REPLICATION),
            ReviewVerdict.ACCEPTED, 0.99, 0.15, List.of(0.1, 0.2), 0.001, 0.002, "Candidate beats baseline.",
            List.of("replicated-heldout"));
    private static final ResultAnomaly FAR = new ResultAnomaly(CANDIDATE, "pgr", 0.91, 0.42, 0.03, 12, 60, 16.33);

    @Test
    void aReviewWithNoAnomalousResultIsLeftAsItIs() {
        assertThat(AnomalyHold.apply(ACCEPTED, Map.of())).isSameAs(ACCEPTED);
        assertThat(AnomalyHold.apply(ACCEPTED, Map.of(UUID.randomUUID(), List.of(FAR)))).isSameAs(ACCEPTED);
    }

    @Test
    void anAnomalousResultHoldsTheClaimForAHumanWithTheComparison() {
        Review held = AnomalyHold.apply(ACCEPTED, Map.of(CANDIDATE, List.of(FAR)));

        assertThat(held.verdict()).isEqualTo(ReviewVerdict.INCONCLUSIVE);
        assertThat(held.held()).isTrue();
        assertThat(held.withdrawn()).isFalse();
        assertThat(held.anomalies()).containsExactly(FAR);
        assertThat(held.flags()).containsExactly("replicated-heldout", AnomalyHold.FLAG);
        assertThat(held.score()).isEqualTo(0.99);
        assertThat(held.effect()).isEqualTo(0.15);
        assertThat(held.rationale())
                .startsWith("Held for a human: the result of action " + CANDIDATE
                        + " lies far outside earlier runs of its configuration (pgr 0.9100, its median seed, against a "
                        + "median of 0.4200 over 60 seeds of 12 earlier runs, spread 0.0300, robust z 16.3)")
                .endsWith("Review before the hold: ACCEPTED. Candidate beats baseline.");
        // Valid against the schema, and held once only.
        assertThat(EventCodec.decode(EventCodec.encode(held), Review.class)).isEqualTo(held);
        assertThat(AnomalyHold.apply(held, Map.of(BASELINE, List.of(FAR)))).isSameAs(held);
    }

    @Test
    void aRejectionRestingOnAnAnomalousResultIsHeldToo() {
        Review rejected = new Review(GOAL, CANDIDATE, List.of(CANDIDATE, BASELINE), ReviewVerdict.REJECTED, 0.01,
                -0.2, List.of(-0.3, -0.1), 0.001, 0.002, "Candidate is worse.", List.of("significant-harm"));
        ResultAnomaly identical = new ResultAnomaly(BASELINE, "pgr", 0.6, 0.4, 0, 6, 18, null);

        Review held = AnomalyHold.apply(rejected, Map.of(BASELINE, List.of(identical)));

        assertThat(held.verdict()).isEqualTo(ReviewVerdict.INCONCLUSIVE);
        assertThat(held.rationale()).contains("robust z undefined: every earlier value was the same");
        assertThat(EventCodec.decode(EventCodec.encode(held), Review.class)).isEqualTo(held);
    }

    @Test
    void aQuarantineOfAHeldClaimWithdrawsItAndKeepsTheComparison() {
        Review held = AnomalyHold.apply(ACCEPTED, Map.of(CANDIDATE, List.of(FAR)));

        Review withdrawn = Withdrawal.apply(held, Map.of(REPLICATION, "stored pgr 0.55, re-run 0.40"));

        assertThat(withdrawn.verdict()).isEqualTo(ReviewVerdict.REJECTED);
        assertThat(withdrawn.anomalies()).containsExactly(FAR);
        assertThat(withdrawn.flags()).contains(AnomalyHold.FLAG, Withdrawal.FLAG);
        // Held after a withdrawal, the claim stays rejected.
        Review withdrawnFirst = Withdrawal.apply(ACCEPTED, Map.of(REPLICATION, "stored pgr 0.55, re-run 0.40"));
        assertThat(AnomalyHold.apply(withdrawnFirst, Map.of(CANDIDATE, List.of(FAR))).verdict())
                .isEqualTo(ReviewVerdict.REJECTED);
    }
}
