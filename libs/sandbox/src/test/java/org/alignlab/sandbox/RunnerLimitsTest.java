package org.alignlab.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunnerLimitsTest {

    @Test
    void heapIsThreeQuartersOfTheMemoryLimitWithAFloor() {
        assertThat(RunnerLimits.heapMb(1024)).isEqualTo(768);
        assertThat(RunnerLimits.heapMb(64)).isEqualTo(48);
        assertThat(RunnerLimits.heapMb(10)).isEqualTo(RunnerLimits.MIN_HEAP_MB);
    }
}
