package org.alignlab.inference.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.alignlab.contracts.MetricNames;
import org.alignlab.inference.djl.DjlModelEngine;
import org.alignlab.inference.engine.DType;
import org.alignlab.inference.engine.LoadedModel;
import org.alignlab.inference.engine.ModelFolder;
import org.alignlab.inference.engine.ModelMetadata;
import org.alignlab.inference.engine.ModelSignature;
import org.alignlab.inference.engine.Tensor;
import org.alignlab.inference.engine.TensorSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchingRunnerTest {

    /** The shipped model folder, relative to the module directory where Surefire runs. */
    private static final Path SHIPPED = Path.of("../../models/trusted-monitor/model-store/trusted-monitor");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ExecutorService callers = Executors.newFixedThreadPool(16);
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        callers.shutdownNow();
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    /**
     * Sixteen requests released at once into the real trusted monitor, with a delay long enough for them to meet:
     * they run in fewer forward passes than requests, some with more than one row, and each caller gets exactly the
     * answer its own input gets alone.
     */
    @Test
    void concurrentRequestsShareForwardPassesAndEachGetsItsOwnAnswer() throws Exception {
        ModelMetadata metadata = ModelFolder.servedMetadata(SHIPPED).orElseThrow();
        LoadedModel model = own(new DjlModelEngine(1, Duration.ofSeconds(30), "cpu").load(SHIPPED, metadata));
        int width = metadata.features().dimension();
        BatchingRunner runner = own(new BatchingRunner("trusted-monitor", model,
                new BatchSettings(true, 16, Duration.ofMillis(300), 64, Duration.ofSeconds(30), 1),
                meters("trusted-monitor")));
        List<Tensor> requests = new ArrayList<>();
        Random random = new Random(5);
        for (int i = 0; i < 16; i++) {
            float[] features = new float[width];
            for (int k = 0; k < 40; k++) {
                features[random.nextInt(width)] = random.nextFloat();
            }
            requests.add(Tensor.float32(ModelMetadata.FEATURES, new long[] {1, width}, features));
        }

        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Tensor>>> answers = new ArrayList<>();
        for (Tensor request : requests) {
            answers.add(callers.submit(() -> {
                start.await();
                return runner.run(List.of(request));
            }));
        }
        start.countDown();

        for (int i = 0; i < requests.size(); i++) {
            float[] batched = (float[]) answers.get(i).get(60, TimeUnit.SECONDS).get(0).data();
            float[] alone = (float[]) model.forward(List.of(requests.get(i))).get(0).data();
            assertThat(batched).hasSize(2);
            assertThat(batched[1]).isCloseTo(alone[1], offset(1e-5f));
        }
        DistributionSummary batchSize = registry.get(MetricNames.INFERENCE_BATCH_SIZE).summary();
        assertThat(batchSize.totalAmount()).isEqualTo(16.0);
        assertThat(batchSize.count()).isLessThan(16);
        assertThat(batchSize.max()).isGreaterThan(1.0);
    }

    /**
     * One worker held inside its forward pass, two requests waiting in a queue of two: the next one is refused at
     * once, counted, and the queued ones are answered once the worker is free.
     */
    @Test
    void aFullQueueRefusesAtOnceAndTheQueuedRequestsAreStillAnswered() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        LoadedModel blocking = new EchoModel() {
            @Override
            public List<Tensor> forward(List<Tensor> inputs) {
                inside.countDown();
                await(release);
                return super.forward(inputs);
            }
        };
        BatchingRunner runner = own(new BatchingRunner("slow", blocking,
                new BatchSettings(true, 1, Duration.ZERO, 2, Duration.ofSeconds(30), 1), meters("slow")));

        Future<List<Tensor>> running = callers.submit(() -> runner.run(row(1)));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        Future<List<Tensor>> queuedA = callers.submit(() -> runner.run(row(2)));
        Future<List<Tensor>> queuedB = callers.submit(() -> runner.run(row(3)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (runner.queueDepth() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(runner.queueDepth()).isEqualTo(2);
        assertThat(registry.get(MetricNames.INFERENCE_QUEUE_DEPTH).gauge().value()).isEqualTo(2.0);

        assertThatThrownBy(() -> runner.run(row(4))).isInstanceOf(QueueFullException.class)
                .hasMessageContaining("slow");
        assertThat(registry.get(MetricNames.INFERENCE_REJECTED).counter().count()).isEqualTo(1.0);

        release.countDown();
        assertThat(((float[]) running.get(10, TimeUnit.SECONDS).get(0).data())[0]).isEqualTo(1f);
        assertThat(((float[]) queuedA.get(10, TimeUnit.SECONDS).get(0).data())[0]).isEqualTo(2f);
        assertThat(((float[]) queuedB.get(10, TimeUnit.SECONDS).get(0).data())[0]).isEqualTo(3f);
    }

    /**
     * Two requests wait behind a busy worker, so they form one batch whatever the scheduling (they once raced: under
     * load the second could miss the first one's max-delay and run alone); that batch's forward pass fails, and both
     * callers get the failure; the next request runs.
     */
    @Test
    void aFailedForwardPassFailsEveryRequestInItsBatchAndTheNextBatchRuns() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> batchRows = new CopyOnWriteArrayList<>();
        LoadedModel failingSecondPass = new EchoModel() {
            @Override
            public List<Tensor> forward(List<Tensor> inputs) {
                batchRows.add(inputs.get(0).rows());
                if (batchRows.size() == 1) {
                    inside.countDown();
                    await(release);
                } else if (batchRows.size() == 2) {
                    throw new IllegalStateException("engine failure");
                }
                return super.forward(inputs);
            }
        };
        BatchingRunner runner = own(new BatchingRunner("flaky", failingSecondPass,
                new BatchSettings(true, 8, Duration.ZERO, 8, Duration.ofSeconds(30), 1), meters("flaky")));
        Future<List<Tensor>> busy = callers.submit(() -> runner.run(row(9)));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        Future<List<Tensor>> first = callers.submit(() -> runner.run(row(1)));
        Future<List<Tensor>> second = callers.submit(() -> runner.run(row(2)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (runner.queueDepth() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(runner.queueDepth()).isEqualTo(2);
        release.countDown();

        assertThat(((float[]) busy.get(10, TimeUnit.SECONDS).get(0).data())[0]).isEqualTo(9f);
        assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("engine failure");
        assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("engine failure");
        assertThat(batchRows.get(1)).as("rows in the failed pass").isEqualTo(2);
        assertThat(((float[]) runner.run(row(5)).get(0).data())[0]).isEqualTo(5f);
        assertThat(runner.running()).isZero();
    }

    /**
     * A caller that has its answer never sees the forward pass behind it as still running: a runner that answered
     * before counting its worker free again (a race CI once lost) fails this within a few of its rounds.
     */
    @Test
    void aBatchedAnswerArrivesOnlyOnceItsWorkerIsCountedFree() throws Exception {
        BatchingRunner runner = own(new BatchingRunner("counted", new EchoModel(),
                new BatchSettings(true, 8, Duration.ZERO, 8, Duration.ofSeconds(30), 1), meters("counted")));
        for (int round = 0; round < 300; round++) {
            // With one worker the idle batcher holds it, so every request goes through the queue and a worker thread.
            assertThat(((float[]) runner.run(row(round)).get(0).data())[0]).isEqualTo((float) round);
            assertThat(runner.running()).as("forward passes running after round %d's answer", round).isZero();
        }
    }

    /**
     * A predictor free and nothing queued: the request runs at once on its caller's thread. Were it queued, a
     * max-delay far longer than its timeout would make it time out.
     */
    @Test
    void aLoneRequestWithAPredictorFreeRunsAtOnceOnItsCallersThread() {
        List<String> forwardThreads = new CopyOnWriteArrayList<>();
        LoadedModel recording = new EchoModel() {
            @Override
            public List<Tensor> forward(List<Tensor> inputs) {
                forwardThreads.add(Thread.currentThread().getName());
                return super.forward(inputs);
            }
        };
        BatchingRunner runner = own(new BatchingRunner("quick", recording,
                new BatchSettings(true, 8, Duration.ofMinutes(10), 8, Duration.ofSeconds(5), 2), meters("quick")));

        assertThat(((float[]) runner.run(row(7)).get(0).data())[0]).isEqualTo(7f);
        assertThat(forwardThreads).containsExactly(Thread.currentThread().getName());
        assertThat(registry.get(MetricNames.INFERENCE_BATCH_SIZE).summary().count()).isEqualTo(1);
        assertThat(runner.running()).isZero();
    }

    private ModelMeters meters(String model) {
        return ModelMeters.register(registry, model, () -> toClose.stream()
                .filter(BatchingRunner.class::isInstance).mapToInt(r -> ((BatchingRunner) r).queueDepth()).sum());
    }

    private <T extends AutoCloseable> T own(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    private static List<Tensor> row(float value) {
        return List.of(Tensor.float32("x", new long[] {1, 1}, new float[] {value}));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A stand-in model that gives back its input: {@code x [n, 1]} in, {@code y [n, 1]} out. */
    private static class EchoModel implements LoadedModel {

        @Override
        public ModelSignature signature() {
            return new ModelSignature(List.of(new TensorSpec("x", DType.FLOAT32, new long[] {-1, 1})),
                    List.of(new TensorSpec("y", DType.FLOAT32, new long[] {-1, 1})));
        }

        @Override
        public List<Tensor> forward(List<Tensor> inputs) {
            Tensor x = inputs.get(0);
            return List.of(new Tensor("y", x.dtype(), x.shape(), x.data()));
        }

        @Override
        public void close() {
        }
    }
}
