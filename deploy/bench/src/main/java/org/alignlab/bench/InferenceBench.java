package org.alignlab.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.json.CanonicalJson;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.security.Roles;
import org.alignlab.infra.TokenMinter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The inference benchmark (docs/benchmarks.md): throughput and latency of the trusted model over HTTP, with dynamic
 * batching on and off, at several concurrencies, beside the same model called directly in this JVM. Run it with
 * {@code deploy/bench/inference-bench}; it is never part of {@code mvn verify}.
 */
@Command(name = "inference-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures POST /v1/classify/trusted-monitor of two inference services (batching on, batching "
                + "off) and direct predictor calls in this JVM, closed loop, and prints a Markdown table."})
public final class InferenceBench implements Callable<Integer> {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration TOKEN_LIFETIME = Duration.ofDays(1);
    /** The service's default (alignlab.inference.predictors); the direct path gets as many. */
    private static final int PREDICTORS = 4;

    @Option(names = "--concurrency", split = ",", paramLabel = "N,N,...", defaultValue = "1,8,32",
            description = "Concurrent closed-loop clients, one phase each (1,8,32).")
    List<Integer> concurrency;

    @Option(names = "--warm-up", paramLabel = "SECONDS", defaultValue = "3",
            description = "Untimed load before each phase (3).")
    int warmUp;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "10",
            description = "Timed length of each phase (10).")
    int duration;

    @Option(names = "--max-batch-size", paramLabel = "N", defaultValue = "32",
            description = "The batched service's alignlab.inference.batching.max-batch-size (32).")
    int maxBatchSize;

    @Option(names = "--max-delay", paramLabel = "DURATION", defaultValue = "2ms",
            description = "The batched service's alignlab.inference.batching.max-delay (2ms).")
    String maxDelay;

    @Option(names = "--texts", paramLabel = "N", defaultValue = "256",
            description = "Distinct actions the clients take turns over (256).")
    int texts;

    @Option(names = "--model-store", paramLabel = "DIR", description = "The model store holding trusted-monitor "
            + "(default: models/trusted-monitor/model-store, the shipped model).")
    Path modelStore;

    @Option(names = "--service-cpus", paramLabel = "LIST", description = "Pin both services with `taskset -c LIST` "
            + "(default: not pinned).")
    String serviceCpus;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the Markdown report here.")
    Path out;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Logs of the run (default: "
            + "deploy/bench/target/inference-bench).")
    Path workDir;

    public static void main(String[] args) {
        System.exit(new CommandLine(new InferenceBench()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof BenchException) {
                cmd.getErr().println("inference-bench: " + e.getMessage());
                return 1;
            }
            throw e;
        }).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path repo = repoRoot();
        Path jar = repo.resolve("services/inference/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new BenchException("missing " + jar + "; deploy/bench/inference-bench builds it");
        }
        Path models = modelStore != null ? modelStore : repo.resolve("models/trusted-monitor/model-store");
        Path work = workDir != null ? workDir : repo.resolve("deploy/bench/target/inference-bench");
        List<String> actions = actionTexts(texts);
        List<String> bodies = actions.stream().map(HttpClassifier::body).toList();
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String loadBefore = MachineFacts.loadAverage();

        List<InferenceReport.Point> points = new ArrayList<>();
        KeyPair keys = TokenMinter.generateKeyPair();
        try (Teardown teardown = new Teardown();
                DirectPredictor direct = DirectPredictor.load(models.resolve(HttpClassifier.MODEL), PREDICTORS)) {
            HttpClassifier batched = start(teardown, keys, jar, models, work, "inference-batched", true);
            HttpClassifier unbatched = start(teardown, keys, jar, models, work, "inference-unbatched", false);
            for (int c : concurrency) {
                ClosedLoop.Result directResult = phase("direct", c,
                        (thread, seq) -> direct.classify(pick(actions, thread, seq)) >= 0);
                long[] before = batched.rowsAndPasses();
                ClosedLoop.Result batchedResult = phase("batching on", c,
                        (thread, seq) -> batched.classify(pick(bodies, thread, seq)));
                double rowsPerPass = rowsPerPass(before, batched.rowsAndPasses());
                long[] unbatchedBefore = unbatched.rowsAndPasses();
                ClosedLoop.Result unbatchedResult = phase("batching off", c,
                        (thread, seq) -> unbatched.classify(pick(bodies, thread, seq)));
                points.add(new InferenceReport.Point(c, directResult, batchedResult, unbatchedResult, rowsPerPass,
                        rowsPerPass(unbatchedBefore, unbatched.rowsAndPasses())));
            }
        }

        String report = InferenceReport.render("Inference benchmark, " + started, setup(work, loadBefore), points);
        System.out.println();
        System.out.print(report);
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report);
            System.out.println("\nwritten to " + out);
        }
        return 0;
    }

    private HttpClassifier start(Teardown teardown, KeyPair keys, Path jar, Path models, Path work, String name,
            boolean batching) throws Exception {
        int port = BenchInfra.freePort(1);
        URI url = URI.create("http://127.0.0.1:" + port);
        Map<String, String> env = new LinkedHashMap<>(
                ServiceEnvironment.inference(keys, port, models, repoRoot().resolve(".cache/djl")));
        env.put("ALIGNLAB_INFERENCE_BATCHING_ENABLED", Boolean.toString(batching));
        env.put("ALIGNLAB_INFERENCE_BATCHING_MAX_BATCH_SIZE", Integer.toString(maxBatchSize));
        env.put("ALIGNLAB_INFERENCE_BATCHING_MAX_DELAY", maxDelay);
        ServiceProcess process = teardown.add(ServiceProcess.start(name, List.of("-jar", jar.toString()), env,
                serviceCpus, work.resolve("logs").resolve(name + ".log")));
        process.awaitReady(url, READY_TIMEOUT);
        System.out.println("  " + name + " ready at " + url);
        return new HttpClassifier(url, TokenMinter.mint(keys.getPrivate(), "bench", Roles.SERVICE, TOKEN_LIFETIME),
                TokenMinter.mint(keys.getPrivate(), "bench-operator", Roles.OPERATOR, TOKEN_LIFETIME));
    }

    private ClosedLoop.Result phase(String path, int c, ClosedLoop.Call call) throws InterruptedException {
        System.out.printf("%-12s concurrency %2d: %d s warm-up + %d s ...%n", path, c, warmUp, duration);
        ClosedLoop.Result result = ClosedLoop.run(c, Duration.ofSeconds(warmUp), Duration.ofSeconds(duration), call);
        System.out.printf("  %,.0f requests/s, p50 %s ms, p99 %s ms, %d failed%n", result.throughput(),
                MarkdownReport.millis(result.latency().p50()), MarkdownReport.millis(result.latency().p99()),
                result.failed());
        return result;
    }

    private static double rowsPerPass(long[] before, long[] after) {
        long passes = after[1] - before[1];
        return passes == 0 ? Double.NaN : (after[0] - before[0]) / (double) passes;
    }

    /** The canonical JSON of benign actions: the text the monitor sends, and the direct path featurises. */
    private static List<String> actionTexts(int count) {
        List<String> texts = new ArrayList<>();
        for (EncodedAction proposal : new ActionFactory(64).next(count)) {
            AgentAction action = EventCodec.decode(proposal.payload(), AgentAction.class);
            texts.add(new String(CanonicalJson.bytes(action), StandardCharsets.UTF_8));
        }
        return texts;
    }

    /** The same text for the same thread and sequence number on every path. */
    private static String pick(List<String> items, int thread, long sequence) {
        return items.get((int) ((thread * 7919L + sequence) % items.size()));
    }

    private List<String> setup(Path work, String loadBefore) {
        return List.of(
                "Machine: " + MachineFacts.describe() + "; load average before " + loadBefore + ", after "
                        + MachineFacts.loadAverage() + ".",
                "Two inference JVMs (" + String.join(" ", ServiceEnvironment.JVM_OPTIONS) + ", "
                        + (serviceCpus == null ? "not pinned" : "pinned with `taskset -c " + serviceCpus + "`")
                        + "), both serving the shipped trusted-monitor on the CPU with " + PREDICTORS
                        + " predictors: one with batching on (max-batch-size " + maxBatchSize + ", max-delay "
                        + maxDelay + "), one with batching off. Only one is under load at a time.",
                "Load: closed loop, N client threads each sending its next request when the last is answered, "
                        + warmUp + " s warm-up then " + duration + " s timed per phase; " + texts + " benign "
                        + "actions' canonical JSON in turn (the gate benchmark's default weak-to-strong proposal). "
                        + "HTTP: `POST /v1/classify/trusted-monitor`, one JDK HttpClient (HTTP/1.1, kept-alive).",
                "Direct: the same engine code in the harness JVM (featurise, one forward pass through a pool of "
                        + PREDICTORS + " predictors), no HTTP, no batching; phases run in the order direct, "
                        + "batching on, batching off at each concurrency.",
                "Logs: " + work.resolve("logs") + ".");
    }

    /** Set by deploy/bench/inference-bench; otherwise the current directory. */
    private static Path repoRoot() {
        String home = System.getenv("ALIGNLAB_HOME");
        return Path.of(home == null || home.isBlank() ? "." : home).toAbsolutePath().normalize();
    }
}
