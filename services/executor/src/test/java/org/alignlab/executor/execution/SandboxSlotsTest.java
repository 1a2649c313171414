package org.alignlab.executor.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class SandboxSlotsTest {

    @Test
    void aTicketBeyondTheLimitWaitsUntilASlotIsFreeAndIsCountedAsQueued() throws Exception {
        SandboxSlots slots = new SandboxSlots(1);
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> slots.whenFree(() -> {
                firstRunning.countDown();
                await(releaseFirst);
                return "first";
            }), pool);
            assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> slots.whenFree(() -> "second"), pool);

            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> slots.queued() == 1);
            assertThat(slots.running()).isEqualTo(1);
            assertThat(second).isNotDone();

            releaseFirst.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("second");
            assertThat(slots.running()).isZero();
            assertThat(slots.queued()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailingRunGivesItsSlotBack() {
        SandboxSlots slots = new SandboxSlots(1);

        assertThatThrownBy(() -> slots.whenFree(() -> {
            throw new IllegalStateException("sandbox crashed");
        })).hasMessage("sandbox crashed");

        assertThat(slots.whenFree(() -> "next")).isEqualTo("next");
        assertThat(slots.running()).isZero();
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> new SandboxSlots(0)).hasMessageContaining("max-concurrent-sandboxes");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
