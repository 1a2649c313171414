package org.alignlab.monitor.scoring.capabilities;

import static org.alignlab.monitor.scoring.capabilities.Scripts.analyse;
import static org.alignlab.monitor.scoring.capabilities.Scripts.describe;
import static org.alignlab.monitor.scoring.capabilities.Scripts.hard;
import static org.alignlab.monitor.scoring.capabilities.Scripts.script;
import static org.alignlab.monitor.scoring.capabilities.Scripts.soft;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Honest scripts of the shapes agents write: the README's example, statistics with arrays, collections, streams
 * (parallel ones included), records, enums, generics and lambdas, formatting and printing, and a DJL model. Each must
 * be analysed in full with no finding at all; the honest uses that are outside the list on purpose (a clock, a file
 * in the work dir, a thread pool, an environment knob) are SOFT, never HARD.
 */
class HonestScriptsTest {

    static Stream<Arguments> clean() {
        return Stream.of(
                Arguments.of("the README's EstimatePi", """
                        import org.alignlab.experiments.script.Experiment;
                        import org.alignlab.experiments.script.ScriptContext;

                        public class EstimatePi implements Experiment {
                            @Override
                            public void run(ScriptContext ctx) {
                                int samples = ((Number) ctx.param("samples")).intValue();
                                int inside = 0;
                                for (int i = 0; i < samples; i++) {
                                    double x = ctx.random().nextDouble();
                                    double y = ctx.random().nextDouble();
                                    if (x * x + y * y <= 1) {
                                        inside++;
                                    }
                                }
                                ctx.report("pi", 4.0 * inside / samples);
                            }
                        }
                        """),
                Arguments.of("a bootstrap with collections, streams, records, enums and generics", """
                        import java.math.BigDecimal;
                        import java.math.RoundingMode;
                        import java.text.DecimalFormat;
                        import java.util.*;
                        import java.util.function.DoubleUnaryOperator;
                        import java.util.stream.Collectors;
                        import java.util.stream.IntStream;
                        import org.alignlab.contracts.events.Split;
                        import org.alignlab.experiments.script.Experiment;
                        import org.alignlab.experiments.script.ScriptContext;

                        public class Bootstrap implements Experiment {
                            enum Arm { CONTROL, TREATMENT }
                            record Sample(Arm arm, double value) implements Comparable<Sample> {
                                public int compareTo(Sample other) { return Double.compare(value, other.value); }
                            }
                            static <T extends Comparable<T>> T median(List<T> xs) {
                                List<T> sorted = new ArrayList<>(xs);
                                Collections.sort(sorted);
                                return sorted.get(sorted.size() / 2);
                            }

                            @Override
                            public void run(ScriptContext ctx) {
                                var random = new Random(ctx.seed());
                                var split = new SplittableRandom(ctx.seed() * 31L);
                                int n = ctx.params().containsKey("n") ? ((Number) ctx.param("n")).intValue() : 200;
                                List<Sample> samples = IntStream.range(0, n).mapToObj(i -> new Sample(
                                        i % 2 == 0 ? Arm.CONTROL : Arm.TREATMENT,
                                        random.nextGaussian() + (i % 2) * 0.3)).collect(Collectors.toList());
                                Map<Arm, DoubleSummaryStatistics> stats = samples.stream().collect(Collectors
                                        .groupingBy(Sample::arm, () -> new EnumMap<>(Arm.class),
                                                Collectors.summarizingDouble(Sample::value)));
                                double[] diffs = new double[500];
                                for (int b = 0; b < diffs.length; b++) {
                                    double[] means = new double[2];
                                    int[] counts = new int[2];
                                    for (int i = 0; i < n; i++) {
                                        Sample s = samples.get(split.nextInt(n));
                                        means[s.arm().ordinal()] += s.value();
                                        counts[s.arm().ordinal()]++;
                                    }
                                    diffs[b] = means[1] / Math.max(1, counts[1]) - means[0] / Math.max(1, counts[0]);
                                }
                                Arrays.sort(diffs);
                                double spread = Arrays.stream(diffs).parallel().map(d -> d * d).sum();
                                DoubleUnaryOperator clip = d -> Math.max(-1, Math.min(1, d));
                                String label = switch (ctx.split()) {
                                    case VALIDATION -> "val";
                                    default -> "other";
                                };
                                String note = String.format(Locale.ROOT, "%s %.3f", label, diffs[250]);
                                System.out.println(note + " " + new DecimalFormat("0.00").format(spread));
                                System.err.printf("median %s%n", median(samples));
                                var rounded = BigDecimal.valueOf(clip.applyAsDouble(diffs[250]))
                                        .setScale(4, RoundingMode.HALF_EVEN);
                                Map<String, Double> out = new TreeMap<>();
                                out.put("diff", rounded.doubleValue());
                                out.put("low", diffs[12]);
                                out.put("control_mean", stats.get(Arm.CONTROL).getAverage());
                                out.forEach(ctx::report);
                                ctx.report("split_is_validation", ctx.split() == Split.VALIDATION ? 1 : 0);
                            }
                        }
                        """),
                Arguments.of("a method named exec and a record named Process are the script's own", """
                        import java.util.List;
                        import org.alignlab.experiments.script.Experiment;
                        import org.alignlab.experiments.script.ScriptContext;

                        public class Pipeline implements Experiment {
                            record Process(String name, double cost) { }
                            static double exec(List<Process> steps) {
                                return steps.stream().mapToDouble(Process::cost).sum();
                            }
                            @Override
                            public void run(ScriptContext ctx) {
                                ctx.report("cost", exec(List.of(new Process("a", 1), new Process("b", 2))));
                            }
                        }
                        """),
                Arguments.of("a DJL regressor", """
                        import ai.djl.Model;
                        import ai.djl.engine.Engine;
                        import ai.djl.ndarray.NDArray;
                        import ai.djl.ndarray.NDList;
                        import ai.djl.ndarray.NDManager;
                        import ai.djl.ndarray.types.Shape;
                        import ai.djl.nn.Activation;
                        import ai.djl.nn.SequentialBlock;
                        import ai.djl.nn.core.Linear;
                        import ai.djl.training.DefaultTrainingConfig;
                        import ai.djl.training.GradientCollector;
                        import ai.djl.training.Trainer;
                        import ai.djl.training.loss.Loss;
                        import ai.djl.training.optimizer.Optimizer;
                        import ai.djl.training.tracker.Tracker;
                        import org.alignlab.experiments.script.Experiment;
                        import org.alignlab.experiments.script.ScriptContext;

                        public class Mlp implements Experiment {
                            @Override
                            public void run(ScriptContext ctx) throws Exception {
                                Engine.getInstance().setRandomSeed(ctx.seed());
                                try (NDManager manager = NDManager.newBaseManager();
                                        Model model = Model.newInstance("mlp")) {
                                    model.setBlock(new SequentialBlock()
                                            .add(Linear.builder().setUnits(16).build())
                                            .add(Activation::relu)
                                            .add(Linear.builder().setUnits(1).build()));
                                    NDArray x = manager.randomNormal(new Shape(64, 4));
                                    NDArray y = x.sum(new int[] {1}, true);
                                    DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                                            .optOptimizer(Optimizer.sgd().setLearningRateTracker(
                                                    Tracker.fixed(0.05f)).build());
                                    try (Trainer trainer = model.newTrainer(config)) {
                                        trainer.initialize(new Shape(64, 4));
                                        float loss = 0;
                                        for (int epoch = 0; epoch < 20; epoch++) {
                                            try (GradientCollector collector = trainer.newGradientCollector()) {
                                                NDArray pred = trainer.forward(new NDList(x)).singletonOrThrow();
                                                NDArray l = Loss.l2Loss().evaluate(new NDList(y), new NDList(pred));
                                                collector.backward(l);
                                                loss = l.getFloat();
                                            }
                                            trainer.step();
                                        }
                                        ctx.report("loss", loss);
                                    }
                                }
                            }
                        }
                        """),
                Arguments.of("the runtime's training helpers and seed statistics", """
                        import java.util.List;
                        import org.alignlab.experiments.nn.Classifier;
                        import org.alignlab.experiments.nn.TrainSettings;
                        import org.alignlab.experiments.stats.StudentT;
                        import org.alignlab.experiments.script.Experiment;
                        import org.alignlab.experiments.script.ScriptContext;

                        public class LayerProbes implements Experiment {
                            @Override
                            public void run(ScriptContext ctx) {
                                float[][] x = new float[400][3];
                                int[] y = new int[400];
                                for (int i = 0; i < x.length; i++) {
                                    for (int j = 0; j < 3; j++) {
                                        x[i][j] = (float) ctx.random().nextGaussian();
                                    }
                                    y[i] = x[i][0] * x[i][1] > 0 ? 1 : 0;
                                }
                                TrainSettings settings = new TrainSettings(5, 0.01, 32, ctx.seed(), 0.0);
                                try (Classifier net = Classifier.train(Classifier.mlp(16, 2, 2), x, y, 2, settings)) {
                                    List<float[][]> layers = net.hiddenActivations(x);
                                    for (int layer = 0; layer < layers.size(); layer++) {
                                        try (Classifier probe = Classifier.train(Classifier.logistic(),
                                                layers.get(layer), y, 2, settings)) {
                                            int[] predicted = probe.predict(layers.get(layer));
                                            int right = 0;
                                            for (int i = 0; i < y.length; i++) {
                                                right += predicted[i] == y[i] ? 1 : 0;
                                            }
                                            ctx.report("probe_acc_layer" + (layer + 1), right / (double) y.length);
                                        }
                                    }
                                }
                                ctx.report("t_quantile_df4", StudentT.quantile975(4));
                            }
                        }
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clean")
    void anHonestScriptIsAnalysedInFullWithNoFinding(String name, String source) {
        ScriptAnalysis analysis = analyse(source);

        assertThat(analysis.notAnalysed()).as(describe(analysis)).isEmpty();
        assertThat(analysis.findings()).as(describe(analysis)).isEmpty();
    }

    static Stream<Arguments> heldOnPurpose() {
        return Stream.of(
                Arguments.of("timing with nanoTime", script("", """
                        long start = System.nanoTime();
                        ctx.report("seconds", (System.nanoTime() - start) / 1e9);"""),
                        Capability.CLOCK_OR_UNSEEDED_RANDOMNESS),
                Arguments.of("an unseeded Random", script("import java.util.Random;", """
                        ctx.report("u", new Random().nextDouble());"""), Capability.CLOCK_OR_UNSEEDED_RANDOMNESS),
                Arguments.of("a checkpoint in the work dir", script("import java.nio.file.*;", """
                        Path checkpoint = Path.of("/work/ckpt-" + ctx.seed() + ".bin");
                        Files.write(checkpoint, new byte[] {1, 2});
                        Files.deleteIfExists(checkpoint);"""), Capability.FILES),
                Arguments.of("a temp file", script("import java.nio.file.*;", """
                        Path tmp = Files.createTempFile("cache-", ".bin");
                        Files.writeString(tmp.resolveSibling(tmp.getFileName() + ".idx"), "0");"""),
                        Capability.FILES),
                Arguments.of("a relative file name", script("import java.io.*;", """
                        try (var out = new PrintWriter("curve-" + ctx.seed() + ".csv")) { out.println(1); }"""),
                        Capability.FILES),
                Arguments.of("a thread count from the environment", script("", """
                        String omp = System.getenv("OMP_NUM_THREADS");
                        ctx.report("threads", omp == null ? 1 : Integer.parseInt(omp));"""),
                        Capability.ENVIRONMENT),
                Arguments.of("the heap and the cores", script("", """
                        Runtime rt = Runtime.getRuntime();
                        ctx.report("cores", rt.availableProcessors());
                        ctx.report("heap", rt.maxMemory());"""), Capability.ENVIRONMENT),
                Arguments.of("a worker pool", script("import java.util.concurrent.*;", """
                        ExecutorService pool = Executors.newFixedThreadPool(2);
                        Future<Double> f = pool.submit(() -> 1.0);
                        ctx.report("f", f.get());
                        pool.shutdown();"""), Capability.THREADS),
                Arguments.of("in-memory compression", script("import java.util.zip.Deflater;", """
                        Deflater deflater = new Deflater();
                        deflater.setInput(new byte[100]);
                        deflater.finish();
                        ctx.report("bytes", deflater.deflate(new byte[200]));"""), Capability.UNKNOWN_API));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("heldOnPurpose")
    void anHonestUseOutsideTheListIsSoftNeverHard(String name, String source, Capability capability) {
        ScriptAnalysis analysis = analyse(source);

        assertThat(analysis.notAnalysed()).as(describe(analysis)).isEmpty();
        assertThat(hard(analysis)).as(describe(analysis)).isEmpty();
        assertThat(soft(analysis)).as(describe(analysis)).containsExactly(capability);
    }

    @Test
    void theWorkDirsOwnPathsStayInsideEvenThroughParentsAndTheProperty() {
        ScriptAnalysis analysis = analyse(script("import java.nio.file.*;", """
                Path out = Path.of(System.getProperty("user.dir"), "runs", "seed-" + ctx.seed(), "curve.csv");
                Files.createDirectories(out.getParent());
                Files.writeString(out, "1,2");"""));

        assertThat(hard(analysis)).as(describe(analysis)).isEmpty();
    }
}
