package org.alignlab.review.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.alignlab.contracts.events.Split;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class SeedPoolsTest {

    private static final String DATA = """
            # Written by: family-seed-values --seeds 3
            family,configuration,params,split,seed,metric,value
            weak-to-strong,defaults,,validation,1,pgr,0.5
            weak-to-strong,defaults,,validation,2,pgr,
            weak-to-strong,defaults,,validation,3,pgr,0.25
            weak-to-strong,defaults,,heldout,1000001,pgr,0.75
            weak-to-strong,auxLossAlpha-0.5,auxLossAlpha=0.5,validation,1,pgr,0.5
            """;

    @Test
    void readsProvenanceFamiliesConfigurationsAndSeedsWithoutAValue() throws IOException {
        SeedPools pools = SeedPools.read(new BufferedReader(new StringReader(DATA)));

        assertThat(pools.provenance()).containsExactly("Written by: family-seed-values --seeds 3");
        assertThat(pools.families()).containsExactly("weak-to-strong");
        assertThat(pools.metric("weak-to-strong")).isEqualTo("pgr");
        assertThat(pools.configurations("weak-to-strong")).containsExactly("defaults", "auxLossAlpha-0.5");
        SeedPool validation = pools.pool("weak-to-strong", "defaults", Split.VALIDATION);
        assertThat(validation.seeds()).containsExactly(1, 2, 3);
        assertThat(validation.missing()).isEqualTo(1);
        assertThat(validation.defined()).containsExactly(0.5, 0.25);
        assertThat(validation.valuesAt(new int[] {2, 1, 0})).containsExactly(0.25, 0.5);
        assertThat(pools.pool("weak-to-strong", "defaults", Split.HELDOUT).defined()).containsExactly(0.75);
    }

    @Test
    void refusesAFileThatIsNotTheCommandsOutput() {
        assertThatThrownBy(() -> SeedPools.read(new BufferedReader(new StringReader("a,b\n1,2\n"))))
                .hasMessageContaining("header");
        assertThatThrownBy(() -> SeedPools.read(new BufferedReader(new StringReader(
                "family,configuration,params,split,seed,metric,value\nf,c,,test,1,m,0.1\n"))))
                .hasMessageContaining("split");
    }

    @Test
    void drawsDistinctSeedsThatAvoidTheOnesTaken() {
        SeedPool pool = new SeedPool(List.of(1, 2, 3, 4, 5, 6), List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0));
        Well19937c random = new Well19937c(1);
        for (int trial = 0; trial < 200; trial++) {
            Set<Integer> drawn = new HashSet<>(pool.seedsAt(pool.draw(random, 4, Set.of(2, 5))));

            assertThat(drawn).hasSize(4).doesNotContain(2, 5);
        }
        assertThatThrownBy(() -> pool.draw(random, 5, Set.of(2, 5))).hasMessageContaining("4 seeds left");
    }
}
