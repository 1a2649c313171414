package org.alignlab.monitor.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TrustedModelWarmUpTest {

    @Test
    void asksUntilTheModelAnswers() {
        AtomicInteger asked = new AtomicInteger();
        TrustedModel coldThenWarm = actions -> List.of(asked.incrementAndGet() < 3
                ? ModelScore.unavailable("no answer within 2000 ms")
                : ModelScore.of(0.01, "v1"));

        assertThat(TrustedModelWarmUp.warmUp(coldThenWarm, Duration.ofMillis(1), Duration.ofSeconds(30))).isTrue();
        assertThat(asked).hasValue(3);
    }

    @Test
    void givesUpWhenTheModelNeverAnswers() {
        TrustedModel down = actions -> List.of(ModelScore.unavailable("connection refused"));

        assertThat(TrustedModelWarmUp.warmUp(down, Duration.ofMillis(5), Duration.ofMillis(50))).isFalse();
    }
}
