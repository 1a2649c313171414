package org.alignlab.experiments.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.alignlab.contracts.events.SeedMetrics;
import org.junit.jupiter.api.Test;

class SeedAggregatorTest {

    @Test
    void meanSampleStdAndStudentInterval() {
        Map<String, Double> m = SeedAggregator.aggregate(List.of(
                new SeedMetrics(1, Map.of("acc", 1.0)),
                new SeedMetrics(2, Map.of("acc", 2.0)),
                new SeedMetrics(3, Map.of("acc", 3.0))));

        double halfWidth = 4.303 * 1.0 / Math.sqrt(3);
        assertThat(m).containsOnlyKeys("acc", "acc_std", "acc_ci95_lo", "acc_ci95_hi");
        assertThat(m.get("acc")).isCloseTo(2.0, within(1e-12));
        assertThat(m.get("acc_std")).isCloseTo(1.0, within(1e-12));
        assertThat(m.get("acc_ci95_lo")).isCloseTo(2.0 - halfWidth, within(1e-12));
        assertThat(m.get("acc_ci95_hi")).isCloseTo(2.0 + halfWidth, within(1e-12));
    }

    @Test
    void oneSeedHasNoSpread() {
        Map<String, Double> m = SeedAggregator.aggregate(List.of(new SeedMetrics(7, Map.of("acc", 0.8))));

        assertThat(m).containsEntry("acc", 0.8).containsEntry("acc_std", 0.0)
                .containsEntry("acc_ci95_lo", 0.8).containsEntry("acc_ci95_hi", 0.8);
    }

    @Test
    void metricMissingFromSomeSeedsUsesTheSeedsThatReportIt() {
        Map<String, Double> m = SeedAggregator.aggregate(List.of(
                new SeedMetrics(1, Map.of("acc", 0.5, "pgr", 0.4)),
                new SeedMetrics(2, Map.of("acc", 0.7))));

        assertThat(m).containsEntry("pgr", 0.4).containsEntry("pgr_std", 0.0);
        assertThat(m.get("acc")).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void tQuantilesFollowTheTableAndErrWide() {
        assertThat(StudentT.quantile975(1)).isEqualTo(12.706);
        assertThat(StudentT.quantile975(30)).isEqualTo(2.042);
        // Exact t(0.975, 45) is 2.014; the table's df = 40 value is slightly larger.
        assertThat(StudentT.quantile975(45)).isEqualTo(2.021).isGreaterThan(2.014);
        assertThat(StudentT.quantile975(1000)).isGreaterThan(1.96);
        assertThatThrownBy(() -> StudentT.quantile975(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
