package org.alignlab.monitor.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The gate's commit pipeline: batches commit one at a time in the order they were consumed, and nothing after a
 * failed batch commits. Seeded trials with random commit times; each prints its seed.
 */
class CommitSequenceTest {

    @Test
    void commitsRunOneAtATimeInSubmissionOrderWhateverTheyCost() throws Exception {
        long seed = System.nanoTime();
        System.out.println("CommitSequenceTest seed " + seed);
        Random random = new Random(seed);
        List<Integer> committed = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger running = new AtomicInteger();
        AtomicBoolean overlapped = new AtomicBoolean();
        List<CompletableFuture<Void>> done = new ArrayList<>();
        try (CommitSequence sequence = new CommitSequence(2, "test-commits")) {
            for (int batch = 0; batch < 200; batch++) {
                int number = batch;
                long micros = random.nextInt(300);
                done.add(sequence.submit(() -> {
                    if (running.incrementAndGet() != 1) {
                        overlapped.set(true);
                    }
                    busy(micros);
                    committed.add(number);
                    running.decrementAndGet();
                }));
                busy(random.nextInt(300)); // the consumer scoring the next batch
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        }
        assertThat(overlapped).as("seed %d", seed).isFalse();
        assertThat(committed).as("seed %d", seed).hasSize(200).isSorted();
    }

    @Test
    void nothingSubmittedAfterAFailedCommitRunsAndEachLaterOneFailsWithIt() throws Exception {
        long seed = System.nanoTime();
        System.out.println("CommitSequenceTest seed " + seed);
        Random random = new Random(seed);
        int failing = 1 + random.nextInt(20);
        List<Integer> committed = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> done = new ArrayList<>();
        IllegalStateException boom = new IllegalStateException("batch " + failing + " cannot be decided");
        try (CommitSequence sequence = new CommitSequence(2, "test-commits")) {
            for (int batch = 0; batch < 40; batch++) {
                int number = batch;
                long micros = random.nextInt(500);
                done.add(sequence.submit(() -> {
                    busy(micros);
                    if (number == failing) {
                        throw boom;
                    }
                    committed.add(number);
                }));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).exceptionally(e -> null)
                    .get(30, TimeUnit.SECONDS);
        }
        assertThat(committed).as("seed %d", seed).containsExactlyElementsOf(range(failing));
        for (int batch = 0; batch < 40; batch++) {
            CompletableFuture<Void> outcome = done.get(batch);
            if (batch < failing) {
                assertThat(outcome).as("batch %d, seed %d", batch, seed).isCompleted();
            } else {
                int number = batch;
                assertThatThrownBy(outcome::get).as("batch %d, seed %d", batch, seed)
                        .isInstanceOf(ExecutionException.class)
                        .satisfies(e -> assertThat(number == failing ? e.getCause() : e.getCause().getCause())
                                .isSameAs(boom));
            }
        }
    }

    @Test
    void aSubmitWaitsWhileEveryPlaceIsTakenSoTheConsumerCannotRunAhead() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (CommitSequence sequence = new CommitSequence(2, "test-commits")) {
            sequence.submit(() -> await(release));
            sequence.submit(() -> {});
            CompletableFuture<CompletableFuture<Void>> third = CompletableFuture.supplyAsync(
                    () -> sequence.submit(() -> {}));
            Thread.sleep(200);
            assertThat(third).as("the third submit waits for a place").isNotDone();
            release.countDown();
            third.get(5, TimeUnit.SECONDS).get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void anErrorStopsTheSequenceLikeAnyFailure() throws Exception {
        try (CommitSequence sequence = new CommitSequence(1, "test-commits")) {
            CompletableFuture<Void> first = sequence.submit(() -> {
                throw new StackOverflowError();
            });
            assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(StackOverflowError.class);
            AtomicBoolean ran = new AtomicBoolean();
            CompletableFuture<Void> second = sequence.submit(() -> ran.set(true));
            assertThatThrownBy(() -> second.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(
                    IllegalStateException.class);
            assertThat(ran).isFalse();
        }
    }

    private static List<Integer> range(int end) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            numbers.add(i);
        }
        return numbers;
    }

    private static void busy(long micros) {
        long until = System.nanoTime() + micros * 1000;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
