package org.alignlab.trustedmonitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class RocAucTest {

    @Test
    void perfectSeparationIsOneAndReversedIsZero() {
        assertThat(RocAuc.of(new double[] {0.8, 0.9}, new double[] {0.1, 0.2, 0.3})).isEqualTo(1.0);
        assertThat(RocAuc.of(new double[] {0.1, 0.2}, new double[] {0.8, 0.9, 0.95})).isEqualTo(0.0);
    }

    @Test
    void tiesCountOneHalf() {
        assertThat(RocAuc.of(new double[] {0.5, 0.5}, new double[] {0.5, 0.5, 0.5})).isEqualTo(0.5);
    }

    @Test
    void matchesCountingPairsByHand() {
        // Pairs (attack > benign): 0.9 beats all 3; 0.4 beats 0.1 and ties 0.4 (1.5); 0.2 beats 0.1: 5.5 of 9.
        double auc = RocAuc.of(new double[] {0.9, 0.4, 0.2}, new double[] {0.1, 0.4, 0.6});

        assertThat(auc).isCloseTo(5.5 / 9, offset(1e-12));
    }

    @Test
    void needsBothClasses() {
        assertThatThrownBy(() -> RocAuc.of(new double[] {0.3}, new double[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
