package org.alignlab.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.alignlab.contracts.crypto.Ed25519;
import org.alignlab.infra.Directories;
import org.alignlab.infra.TokenMinter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The control gate's benchmark: latency from proposed action to published ticket and sustained throughput
 * without loss, beside a baseline measured in the same run (docs/benchmarks.md). Run it with
 * {@code deploy/bench/gate-bench}; it is never part of {@code mvn verify}.
 */
@Command(name = "gate-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures the monitor (the control gate) against a Kafka + one synchronous PostgreSQL commit "
                + "baseline in the same run, and prints a Markdown table.",
                "Exit status: 0 when every action got its verdict and ticket exactly once, 3 when any was lost or "
                        + "duplicated, 1 when the run could not be done."})
public final class GateBench implements Callable<Integer> {

    static final int LOSS_OR_DUPLICATES = 3;
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    /** No reply on either path for this long means the previous phase's backlog is gone. */
    private static final Duration QUIET = Duration.ofSeconds(2);

    @Option(names = "--quick", description = "Short phases and 2,000 actions: a whole run in under two minutes.")
    boolean quick;

    @Option(names = "--rules-only", description = "Turn the trusted model off (ALIGNLAB_MONITOR_TRUSTED_MODEL_ENABLED="
            + "false) and do not start inference.")
    boolean rulesOnly;

    @Option(names = "--rate", paramLabel = "N", description = "Actions per second in the latency phase (200).")
    Integer rate;

    @Option(names = "--warm-up", paramLabel = "SECONDS", description = "Untimed sending before the latency phase "
            + "(10; quick 3).")
    Integer warmUp;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Timed latency phase (20; quick 8).")
    Integer duration;

    @Option(names = "--count", paramLabel = "N", description = "Actions sent at once in the throughput phase "
            + "(20000; quick 2000).")
    Integer count;

    @Option(names = "--goals", paramLabel = "N", description = "Goals the actions take turns over (64).")
    Integer goals;

    @Option(names = "--drain-timeout", paramLabel = "SECONDS", description = "Longest wait for a phase's last reply "
            + "(600; quick 20). What has not arrived by then counts as lost.")
    Integer drainTimeout;

    @Option(names = "--model-store", paramLabel = "DIR", description = "Inference's model store, holding the "
            + "trusted model (default: models/trusted-monitor/model-store, the shipped model the launcher uses).")
    Path modelStore;

    @Option(names = "--service-cpus", paramLabel = "LIST", description = "Pin the monitor, inference and the echo "
            + "with `taskset -c LIST`, e.g. 0,1 (default: not pinned).")
    String serviceCpus;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Use this Kafka instead of starting one. "
            + "No other monitor may consume from it.")
    String bootstrap;

    @Option(names = "--db-url", paramLabel = "JDBC_URL", description = "Use this PostgreSQL database instead of "
            + "starting one (a scratch database: the run fills the monitor's audit log).")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", defaultValue = "postgres", description = "User for --db-url "
            + "(postgres); the password comes from ALIGNLAB_DB_PASSWORD.")
    String dbUser;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the Markdown report here.")
    Path out;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Logs and data of the run (default: "
            + "deploy/bench/target/gate-bench; data is wiped at the start and end, logs kept).")
    Path workDir;

    private final PrintStream console = System.out;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new GateBench()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof BenchException) {
                cmd.getErr().println("gate-bench: " + e.getMessage());
                return 1;
            }
            throw e;
        });
    }

    @Override
    public Integer call() throws Exception {
        BenchPlan plan = BenchPlan.resolve(quick, warmUp, duration, rate, count, goals, drainTimeout);
        Path repo = repoRoot();
        Path work = workDir != null ? workDir : repo.resolve("deploy/bench/target/gate-bench");
        Path monitorJar = repo.resolve("services/monitor/target/quarkus-app/quarkus-run.jar");
        Path inferenceJar = repo.resolve("services/inference/target/quarkus-app/quarkus-run.jar");
        requireFile(monitorJar);
        if (!rulesOnly) {
            requireFile(inferenceJar);
        }
        Directories.deleteRecursively(work.resolve("data"));
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String loadBefore = MachineFacts.loadAverage();

        MarkdownReport.Results results;
        try (Teardown teardown = new Teardown()) {
            console.println("Infrastructure:");
            BenchInfra infra = teardown.add(BenchInfra.start(work.resolve("data"), bootstrap, externalDatabase(),
                    console));
            ServiceEnvironment.Wiring wiring = new ServiceEnvironment.Wiring(infra.bootstrapServers(),
                    infra.database(), Ed25519.generate(), TokenMinter.generateKeyPair());
            startServices(teardown, wiring, work, monitorJar, inferenceJar);
            results = measure(plan, wiring.bootstrapServers());
        } finally {
            Directories.deleteRecursively(work.resolve("data"));
        }

        String report = MarkdownReport.render("Gate benchmark, " + started, setup(work, loadBefore), plan, results);
        console.println();
        console.print(report);
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report);
            console.println("\nwritten to " + out);
        }
        boolean clean = results.all().stream()
                .allMatch(p -> p.delivery().noLoss() && p.delivery().noDuplicates());
        return clean ? 0 : LOSS_OR_DUPLICATES;
    }

    /** The echo, inference (unless rules only) and the monitor, each in its own JVM, ready before anything is sent. */
    private void startServices(Teardown teardown, ServiceEnvironment.Wiring wiring, Path work, Path monitorJar,
            Path inferenceJar) throws IOException {
        Path logs = work.resolve("logs");
        console.println("Services (logs in " + logs + "):");
        BenchInfra.Database db = wiring.database();
        ServiceProcess echo = teardown.add(ServiceProcess.start("echo",
                List.of("-cp", System.getProperty("java.class.path"), EchoService.class.getName(),
                        wiring.bootstrapServers(), db.jdbcUrl(), db.user()),
                Map.of(EchoService.PASSWORD_ENV, db.password()), serviceCpus, logs.resolve("echo.log")));
        URI inferenceUrl = null;
        ServiceProcess inference = null;
        if (!rulesOnly) {
            int port = BenchInfra.freePort(1);
            inferenceUrl = URI.create("http://127.0.0.1:" + port);
            // The launcher's model store by default: the trusted model a local stack serves, the benchmark serves.
            Path models = Files.createDirectories(modelStore != null ? modelStore
                    : repoRoot().resolve("models/trusted-monitor/model-store"));
            inference = teardown.add(ServiceProcess.start("inference", List.of("-jar", inferenceJar.toString()),
                    ServiceEnvironment.inference(wiring, port, models, djlCache()),
                    serviceCpus, logs.resolve("inference.log")));
        }
        int monitorPort = BenchInfra.freePort(1);
        URI monitorUrl = URI.create("http://127.0.0.1:" + monitorPort);
        ServiceProcess monitor = teardown.add(ServiceProcess.start("monitor", List.of("-jar", monitorJar.toString()),
                ServiceEnvironment.monitor(wiring, monitorPort, inferenceUrl), serviceCpus,
                logs.resolve("monitor.log")));

        echo.awaitLogLine(EchoService.READY, READY_TIMEOUT);
        console.println("  echo      ready");
        if (inference != null) {
            inference.awaitReady(inferenceUrl, READY_TIMEOUT);
            console.println("  inference ready at " + inferenceUrl);
        }
        monitor.awaitReady(monitorUrl, READY_TIMEOUT);
        console.println("  monitor   ready at " + monitorUrl + (rulesOnly ? " (rules only)" : " (trusted model on)"));
    }

    private MarkdownReport.Results measure(BenchPlan plan, String bootstrapServers) throws InterruptedException {
        ActionFactory actions = new ActionFactory(plan.goals());
        try (LoadDriver baseline = LoadDriver.open(bootstrapServers, Route.baseline());
                LoadDriver gate = LoadDriver.open(bootstrapServers, Route.gate())) {
            List<LoadDriver> both = List.of(baseline, gate);
            PhaseResult baselineLatency = report(paced(baseline, actions, plan));
            awaitQuiet(both, plan.drainTimeout());
            PhaseResult gateLatency = report(paced(gate, actions, plan));
            awaitQuiet(both, plan.drainTimeout());
            PhaseResult baselineThroughput = report(burst(baseline, actions, plan));
            awaitQuiet(both, plan.drainTimeout());
            PhaseResult gateThroughput = report(burst(gate, actions, plan));
            return new MarkdownReport.Results(gateLatency, baselineLatency, gateThroughput, baselineThroughput);
        }
    }

    /**
     * Waits until neither path has replied for {@link #QUIET}: a phase that did not drain would otherwise
     * still be working through its backlog while the next phase is measured, on either path.
     */
    private void awaitQuiet(List<LoadDriver> drivers, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (drivers.stream().anyMatch(d -> d.sinceLastReply().compareTo(QUIET) < 0)) {
            if (System.nanoTime() > deadline) {
                console.println("  warning: still replying after " + timeout.toSeconds() + " s; the next phase "
                        + "overlaps the backlog (its stray replies are counted)");
                return;
            }
            Thread.sleep(100);
        }
    }

    private PhaseResult paced(LoadDriver driver, ActionFactory actions, BenchPlan plan) {
        console.printf("%s latency: %d/s, %d s warm-up + %d s timed ...%n", driver.routeName(), plan.rate(),
                plan.warmUp().toSeconds(), plan.latency().toSeconds());
        return driver.paced("latency", actions.next(plan.warmUpActions()), actions.next(plan.measuredActions()),
                plan.rate(), plan.drainTimeout(), plan.settle());
    }

    private PhaseResult burst(LoadDriver driver, ActionFactory actions, BenchPlan plan) {
        console.printf("%s throughput: %d actions at once ...%n", driver.routeName(), plan.count());
        return driver.burst("throughput", actions.next(plan.count()), plan.drainTimeout(), plan.settle());
    }

    private PhaseResult report(PhaseResult p) {
        console.printf("  %-8s %-10s p50 %s ms, p99 %s ms, %s/s settled, %d lost, %d duplicated, %d stray%s%n",
                p.route(), p.phase(), MarkdownReport.millis(p.latency().p50()),
                MarkdownReport.millis(p.latency().p99()), MarkdownReport.rate(p.settledRate()), p.delivery().lost(),
                p.delivery().duplicated(), p.delivery().unknown(), p.drained() ? "" : " (drain timed out)");
        return p;
    }

    private List<String> setup(Path work, String loadBefore) {
        List<String> lines = new ArrayList<>();
        lines.add("Machine: " + MachineFacts.describe() + "; load average before " + loadBefore + ", after "
                + MachineFacts.loadAverage() + ".");
        lines.add("Monitor" + (rulesOnly ? " (rules only: trusted model off)" : " with the trusted model (inference)")
                + " and echo: separate JVMs, " + String.join(" ", ServiceEnvironment.JVM_OPTIONS) + ", "
                + (serviceCpus == null ? "not pinned (they share every CPU with the harness, broker and database)"
                        : "pinned with `taskset -c " + serviceCpus + "`")
                + ".");
        lines.add("Kafka: " + (bootstrap == null ? "KRaft broker in the harness JVM" : "external " + bootstrap)
                + ", 2 partitions per topic, client defaults; PostgreSQL: "
                + (dbUrl == null ? "embedded (deploy/infra)" : "external") + ", synchronous_commit=on.");
        lines.add("Per-goal action-rate rule lifted (ALIGNLAB_MONITOR_RULES_MAX_ACTIONS_PER_GOAL_PER_MINUTE="
                + ServiceEnvironment.ACTIONS_PER_GOAL_PER_MINUTE + ") so it does not score the load itself.");
        lines.add("Logs: " + work.resolve("logs") + ".");
        return lines;
    }

    private BenchInfra.Database externalDatabase() {
        if (dbUrl == null) {
            return null;
        }
        return new BenchInfra.Database(dbUrl, dbUser, System.getenv().getOrDefault("ALIGNLAB_DB_PASSWORD", ""));
    }

    /** Set by deploy/bench/gate-bench; otherwise the current directory. */
    private static Path repoRoot() {
        String home = System.getenv("ALIGNLAB_HOME");
        return Path.of(home == null || home.isBlank() ? "." : home).toAbsolutePath().normalize();
    }

    /** The DJL native cache the build's tests fill (the root pom's djl.cache.dir). */
    private static Path djlCache() {
        return repoRoot().resolve(".cache/djl");
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BenchException("missing " + file + "; build it with `mvn -B -ntp -DskipTests install` (the "
                    + "deploy/bench/gate-bench script does this by itself)");
        }
    }
}
