package org.alignlab.executor.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExecutionTicket;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.Split;
import org.alignlab.contracts.json.Json;
import org.alignlab.executor.execution.ResultFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Containment, end to end: each case is an agent's {@code script} experiment, run as the executor runs a ticket (the
 * real experiments jar, staged by {@link WorkloadStaging}, in a real {@link BubblewrapSandbox} with the executor's
 * default caps, the result made by {@link ResultFactory}). Each hostile script must end FAILED, TIMED_OUT or KILLED
 * for the expected reason, and leave the host as it was. Bubblewrap missing fails the class: CI installs it.
 */
class ContainmentTest {

    /** The executor's defaults (alignlab.executor.max-log-bytes, max-output-bytes, log-tail-bytes). */
    private static final int MAX_LOG_BYTES = 1024 * 1024;
    private static final int MAX_OUTPUT_BYTES = 4 * 1024 * 1024;
    private static final int LOG_TAIL_BYTES = 4096;
    /** Room for the runner's JVM to start and compile the script; the failing cases end well before. */
    private static final ResourceRequest LIMITS = new ResourceRequest(30, 256, 30);
    /** For the cases that only end at the wall clock: short, but long enough to reach the script. */
    private static final int SHORT_WALL_SECONDS = 6;
    private static final Path EXPERIMENTS_JAR = Path.of(System.getProperty("user.dir"))
            .resolve("../experiments/target/experiments-0.1.0-SNAPSHOT.jar").normalize();

    @TempDir
    static Path workBase;
    private static Path workRoot;
    private static WorkloadStaging.Staged staged;
    private static BubblewrapSandbox sandbox;
    /**
     * The build's DJL cache (surefire's DJL_CACHE_DIR, warmed by the experiments module's tests), else the executor's
     * default: every run, a script's too, fingerprints the PyTorch version, so the runner needs the unpacked native
     * library even when the script never touches DJL.
     */
    private static final Path DJL_CACHE = Path.of(Optional.ofNullable(System.getenv("DJL_CACHE_DIR"))
            .orElse(System.getProperty("user.home") + "/.djl.ai"));
    private static final ResultFactory RESULTS = new ResultFactory(DJL_CACHE, LOG_TAIL_BYTES);

    /** The host side of each case: secrets, listeners and targets live here, outside any work directory. */
    @TempDir
    Path host;

    private record Outcome(SandboxRun run, ExperimentResult result) {
    }

    @BeforeAll
    static void stageTheRunnerAsTheExecutorDoes() throws IOException {
        assertThat(HostLayout.onPath("bwrap")).as("bubblewrap is not installed (apt-get install -y bubblewrap)")
                .isPresent();
        assertThat(EXPERIMENTS_JAR).as("the experiments runner: mvn -B -ntp -o install -pl services/experiments"
                + " -DskipTests").isRegularFile();
        // When the tests run as root, bwrap runs as uid 65534 and must traverse the work root's parents.
        Files.setPosixFilePermissions(workBase, PosixFilePermissions.fromString("rwxr-xr-x"));
        workRoot = workBase.resolve("work");
        staged = WorkloadStaging.stage(workRoot, EXPERIMENTS_JAR, DJL_CACHE);
        sandbox = new BubblewrapSandbox(new BubblewrapSandbox.Settings(Path.of(System.getProperty("java.home")),
                staged.experimentsJar(), staged.djlCacheDir(), workRoot, MAX_LOG_BYTES, MAX_OUTPUT_BYTES));
        assertThat(sandbox.whyUnavailable()).as("the sandbox must be usable here").isEmpty();
    }

    @AfterAll
    static void removeTheStagedRunner() {
        if (staged != null) {
            staged.delete();
        }
    }

    /** Whatever a case did, nothing of its sandbox is left running and the test's JVM still works. */
    @AfterEach
    void hostIsUnharmed() throws Exception {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            assertThat(all.filter(p -> p.info().commandLine().orElse("").contains(workRoot.toString())).toList())
                    .as("sandbox processes left behind").isEmpty();
        }
        Process probe = new ProcessBuilder("/usr/bin/true").start();
        assertThat(probe.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(probe.exitValue()).isZero();
        try (Stream<Path> left = Files.list(workRoot)) {
            assertThat(left.toList()).as("only the staged runner stays in the work root")
                    .containsExactly(staged.root());
        }
    }

    private static Outcome run(String script, ResourceRequest limits, List<Integer> seeds) {
        ExperimentSpec spec = new ExperimentSpec("script", Map.of(), seeds, Split.VALIDATION, limits, script);
        Instant now = Instant.now();
        AgentAction action = new AgentAction(UUID.randomUUID(), UUID.randomUUID(), 1, Agent.IDEATION, "containment",
                ActionType.RUN_EXPERIMENT, null, null, spec, now);
        ExecutionTicket ticket = new ExecutionTicket(UUID.randomUUID(), action, Decision.ALLOW, 1, "c".repeat(64), now,
                now.plusSeconds(60), "0123456789abcdef", "x".repeat(86));
        // The same request ExecutionService builds from a ticket.
        SandboxRun run = sandbox.run(new SandboxRequest(action.id().toString(), Json.write(spec), limits));
        return new Outcome(run, RESULTS.from(ticket, run, "4bf92f3577b34da6a3ce929d0e0e4736"));
    }

    private static String describe(Outcome outcome) {
        return "reason: " + outcome.result().reason() + "\nstderr: " + tail(outcome.run().stderrTail());
    }

    private static Outcome run(String script, ResourceRequest limits) {
        return run(script, limits, List.of(1));
    }

    private static String tail(String log) {
        return log.length() <= 2000 ? log : log.substring(log.length() - 2000);
    }

    private static ResourceRequest wall(int seconds) {
        return new ResourceRequest(LIMITS.cpuSeconds(), LIMITS.memoryMb(), seconds);
    }

    @Test
    void aBenignScriptSucceedsWithItsMetric() {
        Outcome outcome = run("""
                import org.alignlab.experiments.script.Experiment;
                import org.alignlab.experiments.script.ScriptContext;

                public class EstimatePi implements Experiment {
                    @Override
                    public void run(ScriptContext ctx) {
                        int inside = 0;
                        for (int i = 0; i < 100_000; i++) {
                            double x = ctx.random().nextDouble(), y = ctx.random().nextDouble();
                            inside += x * x + y * y <= 1 ? 1 : 0;
                        }
                        ctx.report("pi", 4.0 * inside / 100_000);
                    }
                }
                """, LIMITS, List.of(1, 2));

        assertThat(outcome.result().status()).as("%s\nthe DJL cache %s must be warm (run the experiments tests)",
                outcome.run().stderrTail(), DJL_CACHE).isEqualTo(ExperimentStatus.SUCCEEDED);
        // 100,000 samples: the estimate's standard error is about 0.005, so 0.05 is ten of them.
        assertThat(outcome.result().metrics().get("pi")).isCloseTo(Math.PI, offset(0.05));
        assertThat(outcome.result().perSeed()).hasSize(2);
    }

    @Test
    void cannotConnectToAPortTheHostListensOn() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(1000);
            CompletableFuture<Boolean> accepted = CompletableFuture.supplyAsync(() -> {
                try (Socket ignored = server.accept()) {
                    return true;
                } catch (IOException timedOutOrClosed) {
                    return false;
                }
            });

            Outcome outcome = run("""
                    import java.net.Socket;
                    import org.alignlab.experiments.script.Experiment;
                    import org.alignlab.experiments.script.ScriptContext;

                    public class Exfiltrate implements Experiment {
                        @Override
                        public void run(ScriptContext ctx) throws Exception {
                            try (Socket socket = new Socket("127.0.0.1", @PORT@)) {
                                socket.getOutputStream().write("stolen".getBytes());
                            }
                            ctx.report("connected", 1);
                        }
                    }
                    """.replace("@PORT@", Integer.toString(server.getLocalPort())), LIMITS);

            // An empty network namespace: its own loopback, on which nothing listens.
            assertThat(outcome.result().status()).as(describe(outcome)).isEqualTo(ExperimentStatus.FAILED);
            assertThat(outcome.result().reason()).contains("script threw java.net.ConnectException",
                    "Connection refused");
            assertThat(accepted.get()).as("the host listener saw a connection").isFalse();
        }
    }

    @Test
    void cannotResolveADnsName() {
        Outcome outcome = run("""
                import java.net.InetAddress;
                import org.alignlab.experiments.script.Experiment;
                import org.alignlab.experiments.script.ScriptContext;

                public class Lookup implements Experiment {
                    @Override
                    public void run(ScriptContext ctx) throws Exception {
                        InetAddress.getByName("example.com");
                        ctx.report("resolved", 1);
                    }
                }
                """, LIMITS);

        // No route to any name server: the lookup fails at once rather than timing out.
        assertThat(outcome.result().status()).as(describe(outcome)).isEqualTo(ExperimentStatus.FAILED);
        assertThat(outcome.result().reason()).contains("script threw java.net.UnknownHostException", "example.com");
    }

    @Test
    void cannotReadASecretOutsideItsWorkDirectory() throws IOException {
        String secret = "secret-" + UUID.randomUUID();
        Path secretFile = Files.writeString(host.resolve("credentials"), secret);
        // Readable by anyone on the host, so only the sandbox's view of the file system can keep it out.
        Files.setPosixFilePermissions(host, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(secretFile, PosixFilePermissions.fromString("rw-r--r--"));

        Outcome outcome = run("""
                import java.nio.file.Files;
                import java.nio.file.Path;
                import org.alignlab.experiments.script.Experiment;
                import org.alignlab.experiments.script.ScriptContext;

                public class ReadSecret implements Experiment {
                    @Override
                    public void run(ScriptContext ctx) throws Exception {
                        String secret = Files.readString(Path.of("@SECRET@"));
                        System.out.println(secret);
                        System.err.println(secret);
                        ctx.report("secret_length", secret.length());
                    }
                }
                """.replace("@SECRET@", secretFile.toString()), LIMITS);

        assertThat(outcome.result().status()).as(describe(outcome)).isEqualTo(ExperimentStatus.FAILED);
        assertThat(outcome.result().reason()).contains("script threw java.nio.file.NoSuchFileException",
                secretFile.toString());
        assertThat(outcome.run().stdoutTail() + outcome.run().stderrTail() + outcome.result().reason())
                .doesNotContain(secret);
    }

    @Test
    void cannotWriteOutsideItsWorkDirectory() throws IOException {
        Files.setPosixFilePermissions(host, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path target = host.resolve("planted");
        Path runnerDir = staged.experimentsJar().getParent();

        Outcome outcome = run("""
                import java.nio.file.Files;
                import java.nio.file.Path;
                import org.alignlab.experiments.script.Experiment;
                import org.alignlab.experiments.script.ScriptContext;

                public class Plant implements Experiment {
                    @Override
                    public void run(ScriptContext ctx) throws Exception {
                        // Lands in the sandbox's private /tmp, which vanishes with it.
                        Path target = Path.of("@TARGET@");
                        Files.createDirectories(target.getParent());
                        Files.writeString(target, "planted");
                        // The runner's own directory: a trojan here would run in every later sandbox.
                        Files.writeString(Path.of("/opt/alignlab/experiments/lib/trojan.jar"), "planted");
                        ctx.report("planted", 1);
                    }
                }
                """.replace("@TARGET@", target.toString()), LIMITS);

        assertThat(outcome.result().status()).as(describe(outcome)).isEqualTo(ExperimentStatus.FAILED);
        assertThat(outcome.result().reason()).contains("script threw java.nio.file.FileSystemException",
                "trojan.jar", "Read-only file system");
        assertThat(target).doesNotExist();
        assertThat(runnerDir.resolve("lib/trojan.jar")).doesNotExist();
    }

    @Test
    void aForkBombHitsTheProcessLimitAndDiesWithItsSandbox() {
        String marker = "forkbomb-" + UUID.randomUUID();

        Outcome outcome = run("""
                import org.alignlab.experiments.script.Experiment;
                import org.alignlab.experiments.script.ScriptContext;

                public class ForkBomb implements Experiment {
                    @Override
                    public void run(ScriptContext ctx) throws Exception {
                        // Warms the JVM's process reaper, so nothing here needs a new thread once the bomb runs.
                        new ProcessBuilder("/usr/bin/true").start().waitFor();
                        new ProcessBuilder("/usr/bin/bash", "-c", "bomb() { bomb | bomb & }; bomb; # @MARKER@")
                                .inheritIO().start();
                        Thread.sleep(Long.MAX_VALUE);
                    }
                }
                """.replace("@MARKER@", marker), wall(SHORT_WALL_SECONDS));

        // The bomb never ends by itself: the wall clock ends it, and the whole process tree goes with the sandbox.
        assertThat(outcome.result().status()).as(describe(outcome)).isEqualTo(ExperimentStatus.TIMED_OUT);
        assertThat(outcome.result().reason()).contains("wall-clock limit of " + SHORT_WALL_SECONDS + " s reached");
        // bash says so when fork fails: the sandbox's process limit (BwrapCommand.MAX_PROCESSES) was reached.
        assertThat(outcome.run().stderrTail()).contains("fork", "Resource temporarily unavailable");
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            assertThat(all.filter(p -> p.info().commandLine().orElse("").contains(marker)).toList())
                    .as("fork bomb processes left behind").isEmpty();
        }
    }

    @Test
    void allocatingWithoutBoundRunsOutOfItsOwnHeap() {
        ResourceRequest limits = new ResourceRequest(LIMITS.cpuSeconds(), 128, LIMITS.wallSeconds());

        Outcome outcome = run("""
                import java.util.ArrayList;
                import java.util.List;
                import org.alignlab.experiments.script.Experiment;
                import org.alignlab.experiments.script.ScriptContext;

                public class Hog implements Experiment {
                    @Override
                    public void run(ScriptContext ctx) {
                        List<long[]> hoard = new ArrayList<>();
                        while (true) {
                            hoard.add(new long[1 << 20]);
                        }
                    }
                }
                """, limits);

        // -Xmx is 3/4 of memoryMb and -XX:+ExitOnOutOfMemoryError ends the JVM at the first OutOfMemoryError.
        assertThat(outcome.result().status()).as(describe(outcome)).isEqualTo(ExperimentStatus.FAILED);
        assertThat(outcome.run().exitCode()).as(outcome.run().stdoutTail()).isEqualTo(3);
        assertThat(outcome.run().stdoutTail())
                .contains("Terminating due to java.lang.OutOfMemoryError: Java heap space");
        // HotSpot prints that line on stdout; ResultFactory reads both tails, so the reason names the cause.
        assertThat(outcome.result().reason()).isEqualTo("out of memory: the heap of " + BwrapCommand.heapMb(128)
                + " MB (3/4 of memoryMb 128) ran out");
        assertThat(outcome.run().maxRssMb()).isLessThan(512);
    }

    @Test
    void spinningForeverEndsAtTheWallClock() {
        Outcome outcome = run("""
                import org.alignlab.experiments.script.Experiment;
                import org.alignlab.experiments.script.ScriptContext;

                public class Spin implements Experiment {
                    @Override
                    public void run(ScriptContext ctx) {
                        System.err.println("spinning");
                        long turns = 0;
                        while (turns >= 0) {
                            turns = (turns + 1) & Long.MAX_VALUE;
                        }
                        ctx.report("turns", turns);
                    }
                }
                """, wall(SHORT_WALL_SECONDS));

        assertThat(outcome.result().status()).as(describe(outcome)).isEqualTo(ExperimentStatus.TIMED_OUT);
        assertThat(outcome.result().reason()).isEqualTo("wall-clock limit of " + SHORT_WALL_SECONDS
                + " s reached; the sandbox's process tree was killed");
        assertThat(outcome.run().stderrTail()).as("the script itself was reached").contains("spinning");
        assertThat(outcome.run().duration()).isLessThan(Duration.ofSeconds(SHORT_WALL_SECONDS + 5));
    }

    @Test
    void printingWithoutBoundKeepsOnlyTheCappedTail() {
        Outcome outcome = run("""
                import org.alignlab.experiments.script.Experiment;
                import org.alignlab.experiments.script.ScriptContext;

                public class Flood implements Experiment {
                    @Override
                    public void run(ScriptContext ctx) {
                        String line = "flood ".repeat(100);
                        while (true) {
                            System.out.println(line);
                            System.err.println(line);
                        }
                    }
                }
                """, wall(SHORT_WALL_SECONDS));

        assertThat(outcome.result().status()).as(describe(outcome)).isEqualTo(ExperimentStatus.TIMED_OUT);
        assertThat(outcome.run().stdoutTail()).contains("flood");
        assertThat(outcome.run().stdoutTail().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(
                MAX_LOG_BYTES);
        assertThat(outcome.run().stderrTail().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(
                MAX_LOG_BYTES);
        assertThat(outcome.result().logTail()).hasSizeLessThanOrEqualTo(LOG_TAIL_BYTES);
    }

    /**
     * "Held-out" here: every family generates a {@code heldout} split, disjoint from {@code validation}, that only a
     * spec naming {@code split: heldout} may evaluate, and the gate lets ideation name only validation. A script
     * gets no data from the runner, only {@code ctx.split()}; what it must not find is held-out data at rest. The
     * test puts a held-out file on the host, and the script searches the whole file system it can see for one.
     */
    @Test
    void aValidationScriptFindsNoHeldOutData() throws IOException {
        Files.setPosixFilePermissions(host, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(host.resolve("heldout-rows.csv"), "x,y\n1,0\n");

        Outcome outcome = run("""
                import java.io.IOException;
                import java.nio.file.FileVisitResult;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.nio.file.SimpleFileVisitor;
                import java.nio.file.attribute.BasicFileAttributes;
                import java.util.ArrayList;
                import java.util.List;
                import java.util.Set;
                import org.alignlab.experiments.script.Experiment;
                import org.alignlab.experiments.script.ScriptContext;

                public class Peek implements Experiment {
                    @Override
                    public void run(ScriptContext ctx) throws Exception {
                        Set<Path> skipped = Set.of(Path.of("/proc"), Path.of("/sys"), Path.of("/dev"));
                        List<Path> found = new ArrayList<>();
                        Files.walkFileTree(Path.of("/"), new SimpleFileVisitor<>() {
                            @Override
                            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                                return skipped.contains(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                                if (file.getFileName().toString().toLowerCase().matches(".*held.?out.*")) {
                                    found.add(file);
                                }
                                return FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult visitFileFailed(Path file, IOException e) {
                                return FileVisitResult.CONTINUE;
                            }
                        });
                        if (found.isEmpty()) {
                            throw new IllegalStateException("no held-out data reachable on split " + ctx.split());
                        }
                        System.err.println("found " + found);
                        ctx.report("heldout_files", found.size());
                    }
                }
                """, LIMITS);

        assertThat(outcome.result().status()).as(describe(outcome)).isEqualTo(ExperimentStatus.FAILED);
        assertThat(outcome.result().reason()).contains("no held-out data reachable on split VALIDATION");
    }
}
