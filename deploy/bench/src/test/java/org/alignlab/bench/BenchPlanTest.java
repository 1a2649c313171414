package org.alignlab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchPlanTest {

    @Test
    void quickShrinksTheDefaultsAndExplicitOptionsWin() {
        BenchPlan quick = BenchPlan.resolve(true, null, null, null, null, null, null);
        assertThat(quick).isEqualTo(BenchPlan.QUICK);
        assertThat(quick.warmUpActions() + quick.measuredActions()).isEqualTo(2_200);

        BenchPlan custom = BenchPlan.resolve(true, 1, 5, 500, 100, 8, 12);
        assertThat(custom.warmUp()).isEqualTo(Duration.ofSeconds(1));
        assertThat(custom.measuredActions()).isEqualTo(2_500);
        assertThat(custom.count()).isEqualTo(100);
        assertThat(custom.goals()).isEqualTo(8);
        assertThat(custom.drainTimeout()).isEqualTo(Duration.ofSeconds(12));

        assertThat(BenchPlan.resolve(false, null, null, null, null, null, null)).isEqualTo(BenchPlan.FULL);
    }

    @Test
    void refusesAPlanThatMeasuresNothing() {
        assertThatThrownBy(() -> BenchPlan.resolve(false, null, 0, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchPlan.resolve(false, null, null, 0, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void benignActionsPassTheContractsSchemaAndSpreadOverTheGoals() {
        var proposals = new ActionFactory(4).next(8);
        assertThat(proposals).hasSize(8);
        assertThat(proposals.stream().map(EncodedAction::key).distinct()).hasSize(4);
        assertThat(proposals.stream().map(EncodedAction::id).distinct()).hasSize(8);
        assertThat(proposals.get(0).payload()).contains("\"family\":\"weak-to-strong\"", "\"split\":\"validation\"");
    }
}
