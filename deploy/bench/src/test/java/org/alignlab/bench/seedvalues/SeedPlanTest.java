package org.alignlab.bench.seedvalues;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.alignlab.contracts.events.Split;
import org.alignlab.contracts.families.FamilyCatalogue;
import org.alignlab.contracts.families.FamilyDefinition;
import org.junit.jupiter.api.Test;

class SeedPlanTest {

    private static final int N = 30;

    @Test
    void everyFamilyWithAJudgedMetricHasItsDefaultsAndANullCopyOfThem() {
        List<SeedPlan.Configuration> plan = SeedPlan.standard(N);
        List<String> judged = FamilyCatalogue.standard().families().stream()
                .filter(family -> family.judgedMetric().isPresent()).map(FamilyDefinition::name).toList();

        assertThat(judged).isNotEmpty();
        for (String family : judged) {
            assertThat(plan).filteredOn(c -> c.family().equals(family))
                    .extracting(SeedPlan.Configuration::name)
                    .contains(SeedPlan.DEFAULTS, SeedPlan.NULL_COPY);
            assertThat(plan).filteredOn(c -> c.family().equals(family) && c.name().startsWith(SeedPlan.DEFAULTS))
                    .allSatisfy(c -> assertThat(c.params()).isEmpty());
        }
    }

    @Test
    void everyParamIsOneTheFamilyAccepts() {
        for (SeedPlan.Configuration configuration : SeedPlan.standard(N)) {
            FamilyDefinition family = FamilyCatalogue.standard().find(configuration.family()).orElseThrow();
            assertThat(family.violations(configuration.params())).as(configuration.name()).isEmpty();
        }
    }

    @Test
    void heldoutSeedsAreFreshAndTheNullCopySharesNoSeedWithTheDefaults() {
        SeedPlan.Configuration defaults = SeedPlan.standard(N).get(0);
        SeedPlan.Configuration copy = SeedPlan.standard(N).get(1);
        assertThat(copy.name()).isEqualTo(SeedPlan.NULL_COPY);

        assertThat(defaults.seeds(Split.VALIDATION, N)).hasSize(N).startsWith(1).endsWith(N);
        assertThat(defaults.seeds(Split.HELDOUT, N)).hasSize(N).startsWith(1_000_001);
        Set<Integer> all = new HashSet<>();
        for (SeedPlan.Configuration c : List.of(defaults, copy)) {
            for (Split split : Split.values()) {
                assertThat(all.addAll(c.seeds(split, N))).isTrue();
            }
        }
        assertThat(all).hasSize(4 * N);
    }
}
