package org.alignlab.executor.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class SandboxSlotsTest {

    private static final UUID GOAL = UUID.randomUUID();

    @Test
    void aTicketBeyondTheLimitWaitsUntilASlotIsFreeAndIsCountedAsQueued() throws Exception {
        SandboxSlots slots = new SandboxSlots(1);
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> slots.whenFree(GOAL, () -> {
                firstRunning.countDown();
                await(releaseFirst);
                return "first";
            }), pool);
            assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> slots.whenFree(GOAL, () -> "second"),
                    pool);

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
    void isIdleOnlyWhileASlotIsFreeAndNoTicketWaits() throws Exception {
        SandboxSlots slots = new SandboxSlots(1);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            assertThat(slots.idle()).isTrue();
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> slots.whenFree(GOAL, () -> {
                running.countDown();
                await(release);
                return null;
            }), pool);
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(slots.idle()).as("every slot taken").isFalse();
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            assertThat(slots.idle()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailingRunGivesItsSlotBack() {
        SandboxSlots slots = new SandboxSlots(1);

        assertThatThrownBy(() -> slots.whenFree(GOAL, () -> {
            throw new IllegalStateException("sandbox crashed");
        })).hasMessage("sandbox crashed");

        assertThat(slots.whenFree(GOAL, () -> "next")).isEqualTo("next");
        assertThat(slots.running()).isZero();
    }

    /**
     * Issue 13: one goal could hold every sandbox slot. Goal A fills both slots and queues two more tickets; goal B's
     * ticket arrives: the next slot that frees is B's, and A never holds more than its share while B waits.
     */
    @Test
    void aGoalHoldsAtMostItsFairShareWhileAnotherGoalWaits() throws Exception {
        SandboxSlots slots = new SandboxSlots(2);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        List<CountDownLatch> releases = new ArrayList<>();
        List<String> started = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<CompletableFuture<String>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                CountDownLatch release = new CountDownLatch(1);
                releases.add(release);
                String name = "a" + i;
                runs.add(CompletableFuture.supplyAsync(() -> slots.whenFree(a, () -> {
                    started.add(name);
                    await(release);
                    return name;
                }), pool));
                int holding = Math.min(i + 1, 2);
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> slots.heldBy(a) == holding);
            }
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> slots.queued() == 2);
            CountDownLatch releaseB = new CountDownLatch(1);
            CompletableFuture<String> runB = CompletableFuture.supplyAsync(() -> slots.whenFree(b, () -> {
                started.add("b");
                await(releaseB);
                return "b";
            }), pool);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> slots.queued() == 3);

            releases.get(0).countDown();

            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> slots.heldBy(b) == 1);
            assertThat(slots.heldBy(a)).isEqualTo(1);
            assertThat(started).containsExactly("a0", "a1", "b");
            releaseB.countDown();
            releases.forEach(CountDownLatch::countDown);
            for (CompletableFuture<String> run : runs) {
                run.get(10, TimeUnit.SECONDS);
            }
            assertThat(runB.get(10, TimeUnit.SECONDS)).isEqualTo("b");
            assertThat(slots.running()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Found by deploy/chaos: with 20 goals sharing two slots, an allowed action's ticket waited until it expired while
     * tickets that came after it ran, because woken waiters raced for a freed slot in whatever order the JVM picked.
     * Tickets of six goals queue one after another behind a running one: they must start in the order they came.
     */
    @Test
    void ticketsOfDifferentGoalsGetSlotsInTheOrderTheyCame() throws Exception {
        SandboxSlots slots = new SandboxSlots(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch firstRunning = new CountDownLatch(1);
        List<String> started = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(7);
        try {
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> slots.whenFree(UUID.randomUUID(), () -> {
                firstRunning.countDown();
                await(releaseFirst);
                return null;
            }), pool);
            assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<Void>> waiters = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String name = "t" + i;
                waiters.add(CompletableFuture.runAsync(() -> slots.whenFree(UUID.randomUUID(), () -> {
                    started.add(name);
                    return null;
                }), pool));
                int queued = i + 1;
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> slots.queued() == queued);
            }

            releaseFirst.countDown();
            first.get(10, TimeUnit.SECONDS);
            for (CompletableFuture<Void> waiter : waiters) {
                waiter.get(10, TimeUnit.SECONDS);
            }
            assertThat(started).containsExactly("t0", "t1", "t2", "t3", "t4", "t5");
        } finally {
            pool.shutdownNow();
        }
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
