package org.alignlab.sandbox.bubblewrap;

import org.alignlab.sandbox.RunnerLimits;
import org.alignlab.sandbox.SandboxRun;
import org.alignlab.sandbox.SandboxRequest;
import org.alignlab.sandbox.RunOutcome;
import org.alignlab.sandbox.RunnerStart;
import static org.alignlab.sandbox.bubblewrap.BwrapCommand.DJL_CACHE_MOUNT;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.Split;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Containment, end to end: each case is an agent's {@code script} experiment, run as the executor runs a ticket (the
 * real experiments jar, staged by {@link WorkloadStaging}, in a real {@link BubblewrapSandbox} with the executor's
 * default caps and runner start, read by {@link RunOutcome} as the executor reads it). Each hostile script must end
 * FAILED, TIMED_OUT or KILLED for the expected reason, and leave the host as it was. Bubblewrap missing fails the class: CI installs it.
 */
class ContainmentTest {

    /** The executor's defaults (alignlab.executor.max-log-bytes, max-output-bytes). */
    private static final int MAX_LOG_BYTES = 1024 * 1024;
    private static final int MAX_OUTPUT_BYTES = 4 * 1024 * 1024;
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

    /** The host side of each case: secrets, listeners and targets live here, outside any work directory. */
    @TempDir
    Path host;

    private record Outcome(SandboxRun run, RunOutcome result) {
    }

    @BeforeAll
    static void stageTheRunnerAsTheExecutorDoes() throws IOException {
        assertThat(HostLayout.onPath("bwrap")).as("bubblewrap is not installed (apt-get install -y bubblewrap)")
                .isPresent();
        assertThat(EXPERIMENTS_JAR).as("the experiments runner: mvn -B -ntp -o install -pl libs/experiments"
                + " -DskipTests").isRegularFile();
        // When the tests run as root, bwrap runs as uid 65534 and must traverse the work root's parents.
        Files.setPosixFilePermissions(workBase, PosixFilePermissions.fromString("rwxr-xr-x"));
        workRoot = workBase.resolve("work");
        staged = WorkloadStaging.stage(workRoot, EXPERIMENTS_JAR, DJL_CACHE);
        // The runner started as the executor starts it: from its runtime's class-data archive, made here (beside the
        // work root, which the cases check is left empty).
        sandbox = new BubblewrapSandbox(new BubblewrapSandbox.Settings(Path.of(System.getProperty("java.home")),
                staged.experimentsJar(), staged.djlCacheDir(), workRoot, MAX_LOG_BYTES, MAX_OUTPUT_BYTES)
                .with(RunnerStart.fast(workBase.resolve("class-data"))));
        assertThat(sandbox.whyUnavailable()).as("the sandbox must be usable here").isEmpty();
        sandbox.prepare();
        assertThat(sandbox.warnings()).as("both runtimes have their archive").noneMatch(w -> w.contains("class-data"));
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
        assertThat(Files.readAllLines(Path.of("/proc/self/mounts"))).as("a run's tmpfs left mounted")
                .noneMatch(mount -> mount.contains(workRoot.toString()));
    }

    private static Outcome run(String script, ResourceRequest limits, List<Integer> seeds) {
        return run(new ExperimentSpec("script", Map.of(), seeds, Split.VALIDATION, limits, script));
    }

    private static Outcome run(ExperimentSpec spec) {
        ResourceRequest limits = spec.resources();
        // The same request and reading of the run as the executor's for a ticket of this spec.
        SandboxRun run = sandbox.run(SandboxRequest.forSpec(UUID.randomUUID().toString(), spec));
        return new Outcome(run, RunOutcome.of(run, limits, DJL_CACHE));
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
        assertThat(outcome.result().output().metrics().get("pi")).isCloseTo(Math.PI, offset(0.05));
        assertThat(outcome.result().output().perSeed()).hasSize(2);
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
        // HotSpot prints that line on stdout; RunOutcome reads both tails, so the reason names the cause.
        assertThat(outcome.result().reason()).isEqualTo("out of memory: the heap of " + RunnerLimits.heapMb(128)
                + " MB (3/4 of memoryMb 128) ran out");
        assertThat(outcome.run().maxRssMb()).isLessThan(512);
    }

    /**
     * Native memory is outside the heap, so -Xmx cannot stop it: only the memory cgroup can. (zlib's buffers stand in
     * for {@code Unsafe.allocateMemory}, which scripts can no longer reach.) Where this host gives
     * the sandbox no cgroups (not root), the case cannot show containment and says so instead of passing.
     */
    @Test
    void allocatingNativeMemoryWithoutBoundIsKilledAtTheMemoryCgroupLimit() {
        assertThat(sandbox.limitsDescription()).as("cgroups are needed for this case; run the tests as root")
                .startsWith("cgroup v1");
        ResourceRequest limits = new ResourceRequest(LIMITS.cpuSeconds(), 128, LIMITS.wallSeconds());
        Outcome outcome = run("""
                import java.util.ArrayList;
                import java.util.List;
                import java.util.Random;
                import java.util.zip.Deflater;
                import org.alignlab.experiments.script.Experiment;
                import org.alignlab.experiments.script.ScriptContext;

                public class NativeHog implements Experiment {
                    @Override
                    public void run(ScriptContext ctx) {
                        // Each compressor holds some 300 KB of zlib's native buffers, a few bytes of heap.
                        byte[] input = new byte[1 << 16];
                        new Random(1).nextBytes(input);
                        byte[] output = new byte[1 << 17];
                        List<Deflater> held = new ArrayList<>();
                        for (int i = 0; ; i++) {
                            Deflater deflater = new Deflater(9);
                            deflater.setInput(input);
                            deflater.deflate(output, 0, output.length, Deflater.SYNC_FLUSH);
                            held.add(deflater);
                            if (i % 1000 == 0) {
                                System.err.println("holding " + i + " compressors");
                            }
                        }
                    }
                }
                """, limits);

        // The cgroup holds memoryMb plus the run's 256 MB tmpfs; the kernel kills inside it, nothing outside.
        assertThat(outcome.result().status()).as(describe(outcome)).isEqualTo(ExperimentStatus.KILLED);
        assertThat(outcome.result().reason()).startsWith("memory limit of " + (128 + RunnerLimits.WorkDir.DEFAULT
                .maxMb()) + " MB reached");
        assertThat(outcome.run().memoryLimitHit()).isTrue();
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

    /**
     * Held-out data is not at rest anywhere: each family generates it in code. So the other way to it is the family's
     * generator. The script runtime jar holds none, and the families' jar is not in the sandbox to load by hand.
     */
    @Test
    void aScriptCannotLoadAFamilysHeldOutGenerator() {
        Outcome outcome = run("""
                import java.io.File;
                import java.net.URL;
                import java.net.URLClassLoader;
                import java.util.ArrayList;
                import java.util.List;
                import org.alignlab.experiments.script.Experiment;
                import org.alignlab.experiments.script.ScriptContext;

                public class Generator implements Experiment {
                    @Override
                    public void run(ScriptContext ctx) throws Exception {
                        List<String> reached = new ArrayList<>();
                        for (String name : List.of("org.alignlab.experiments.w2s.W2sData",
                                "org.alignlab.experiments.overopt.OveroptData",
                                "org.alignlab.experiments.probe.ProbeData",
                                "org.alignlab.experiments.FamiliesMain")) {
                            try {
                                Class.forName(name);
                                reached.add(name);
                            } catch (ClassNotFoundException expected) {
                                // what containment means here
                            }
                        }
                        File[] jars = new File("/opt/alignlab/experiments").listFiles((dir, n) -> n.endsWith(".jar"));
                        for (File jar : jars == null ? new File[0] : jars) {
                            try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toURI().toURL()})) {
                                loader.loadClass("org.alignlab.experiments.w2s.W2sData");
                                reached.add(jar.getName());
                            } catch (ClassNotFoundException expected) {
                                // the script runtime itself
                            }
                        }
                        if (reached.isEmpty()) {
                            throw new IllegalStateException("no family generator reachable");
                        }
                        ctx.report("reached", reached.size());
                    }
                }
                """, LIMITS);

        assertThat(outcome.result().status()).as(describe(outcome)).isEqualTo(ExperimentStatus.FAILED);
        assertThat(outcome.result().reason()).contains("no family generator reachable");
    }

    /**
     * The experiment families need PyTorch's native library, loaded by the runner itself: they must still run under
     * the seccomp filter, in the tmpfs, from the families' jar.
     */
    @Test
    void aRealFamilyStillTrainsUnderTheSeccompFilterAndTheTmpfs() {
        Map<String, Object> small = Map.of("nTrain", 200, "nTest", 200, "epochs", 2, "hidden", 8);
        Outcome outcome = run(new ExperimentSpec("weak-to-strong", small, List.of(1), Split.VALIDATION,
                new ResourceRequest(60, 768, 60), null));

        assertThat(outcome.result().status()).as(describe(outcome)).isEqualTo(ExperimentStatus.SUCCEEDED);
        assertThat(outcome.result().output().metrics()).isNotEmpty();
        assertThat(outcome.result().output().environment().pytorch()).isNotBlank();
    }

    /**
     * Issue 14: JNA came onto the script runtime's class path with DJL, so {@code Native.load("c")} gave a script
     * libc's {@code system()}, a shell no rule had read. The script runtime's class path has no JNA now.
     */
    @Test
    void aScriptCannotReachLibcThroughJna() throws IOException {
        Files.setPosixFilePermissions(host, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path marker = host.resolve("jna-was-here");

        Outcome outcome = run("""
                import com.sun.jna.Library;
                import com.sun.jna.Native;
                import org.alignlab.experiments.script.Experiment;
                import org.alignlab.experiments.script.ScriptContext;

                public class Libc implements Experiment {
                    public interface C extends Library {
                        int system(String command);
                    }

                    @Override
                    public void run(ScriptContext ctx) {
                        C c = Native.load("c", C.class);
                        ctx.report("exit", c.system("id > /work/jna-was-here; touch @MARKER@"));
                    }
                }
                """.replace("@MARKER@", marker.toString()), LIMITS);

        assertThat(outcome.result().status()).as(describe(outcome)).isEqualTo(ExperimentStatus.FAILED);
        assertThat(outcome.result().reason()).contains("script does not compile", "com.sun.jna");
        assertThat(marker).doesNotExist();
    }

    /** Reflection cannot find JNA either: the class is not there, nor refused only by name. */
    @Test
    void aScriptCannotLoadJnaByReflectionOrANativeLibraryByHand() {
        Outcome outcome = run("""
                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.util.ArrayList;
                import java.util.List;
                import org.alignlab.experiments.script.Experiment;
                import org.alignlab.experiments.script.ScriptContext;

                public class Native implements Experiment {
                    @Override
                    public void run(ScriptContext ctx) throws Exception {
                        List<String> outcomes = new ArrayList<>();
                        try {
                            ClassLoader.getSystemClassLoader().loadClass("com.sun.jna.Native");
                            outcomes.add("jna loaded");
                        } catch (ClassNotFoundException e) {
                            outcomes.add("no jna");
                        }
                        for (String library : List.of("/lib/x86_64-linux-gnu/libc.so.6",
                                "/lib/aarch64-linux-gnu/libc.so.6")) {
                            if (Files.exists(Path.of(library))) {
                                Path copy = Files.copy(Path.of(library), Path.of("/work/libmine.so"));
                                try {
                                    System.load(copy.toString());
                                    outcomes.add("loaded a copy");
                                } catch (SecurityException | UnsatisfiedLinkError e) {
                                    outcomes.add("copy: " + e.getMessage());
                                }
                                try {
                                    System.load(library);
                                    outcomes.add("loaded libc");
                                } catch (SecurityException | UnsatisfiedLinkError e) {
                                    outcomes.add("libc: " + e.getMessage());
                                }
                            }
                        }
                        try {
                            System.loadLibrary("torch");
                            outcomes.add("loaded torch");
                        } catch (SecurityException | UnsatisfiedLinkError e) {
                            outcomes.add("torch: " + e.getMessage());
                        }
                        throw new IllegalStateException(String.join("; ", outcomes));
                    }
                }
                """, LIMITS);

        assertThat(outcome.result().status()).as(describe(outcome)).isEqualTo(ExperimentStatus.FAILED);
        assertThat(outcome.result().reason()).contains("no jna")
                .contains("copy: native library /work/libmine.so refused: scripts may not load native code")
                .contains("libc: native library /lib/")
                .contains("torch: native library torch refused")
                .doesNotContain("loaded");
    }

    /**
     * Issue 14: {@code sun.misc.Unsafe} reads and writes any address in the JVM. By name the script loader refuses it;
     * through the system loader the class is found, but its instance sits in a private field that only deep reflection
     * opens, which the runtime's guard refuses to a script.
     */
    @Test
    void aScriptCannotReachUnsafe() {
        Outcome outcome = run("""
                import java.lang.invoke.MethodHandles;
                import java.lang.reflect.Field;
                import java.util.ArrayList;
                import java.util.List;
                import org.alignlab.experiments.script.Experiment;
                import org.alignlab.experiments.script.ScriptContext;

                public class Raw implements Experiment {
                    @Override
                    public void run(ScriptContext ctx) throws Exception {
                        List<String> outcomes = new ArrayList<>();
                        try {
                            Class.forName("sun.misc.Unsafe");
                            outcomes.add("named: loaded");
                        } catch (ClassNotFoundException e) {
                            outcomes.add("named: refused");
                        }
                        Class<?> unsafe = ClassLoader.getSystemClassLoader().loadClass("sun.misc.Unsafe");
                        Field field = unsafe.getDeclaredField("theUnsafe");
                        try {
                            field.setAccessible(true);
                            outcomes.add("field: opened " + field.get(null));
                        } catch (SecurityException e) {
                            outcomes.add("field: " + e.getMessage());
                        }
                        try {
                            MethodHandles.privateLookupIn(unsafe, MethodHandles.lookup());
                            outcomes.add("lookup: opened");
                        } catch (SecurityException e) {
                            outcomes.add("lookup: " + e.getMessage());
                        }
                        throw new IllegalStateException(String.join("; ", outcomes));
                    }
                }
                """, LIMITS);

        assertThat(outcome.result().status()).as(describe(outcome)).isEqualTo(ExperimentStatus.FAILED);
        assertThat(outcome.result().reason()).contains("named: refused")
                .contains("field: deep reflection refused")
                .contains("lookup: deep reflection refused")
                .doesNotContain("opened");
    }

    /**
     * Issue 14: bubblewrap ran without a seccomp filter. A probe compiled here calls each denied syscall and prints
     * its errno; the sandbox shows it read-only (the run's own files are noexec), the script runs it and reports.
     */
    @Test
    void theSeccompFilterDeniesKernelAttackSurface() throws Exception {
        Path gcc = HostLayout.onPath("gcc").orElse(null);
        Assumptions.assumeTrue(gcc != null, "no gcc here to compile the syscall probe: the filter's decisions are "
                + "still checked by SeccompFilterTest and its presence by theSandboxRunsUnderSeccomp");
        Path probe = compileSyscallProbe(gcc);

        Outcome outcome = run("""
                import java.nio.charset.StandardCharsets;
                import org.alignlab.experiments.script.Experiment;
                import org.alignlab.experiments.script.ScriptContext;

                public class Syscalls implements Experiment {
                    @Override
                    public void run(ScriptContext ctx) throws Exception {
                        Process probe = new ProcessBuilder("@PROBE@").redirectErrorStream(true).start();
                        String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                        probe.waitFor();
                        System.err.println(out);
                        for (String line : out.strip().split("\\n")) {
                            String[] call = line.split(" ");
                            ctx.report(call[0], Double.parseDouble(call[1]));
                        }
                    }
                }
                """.replace("@PROBE@", DJL_CACHE_MOUNT + "/" + probe.getFileName()), LIMITS);

        assertThat(outcome.result().status()).as(describe(outcome)).isEqualTo(ExperimentStatus.SUCCEEDED);
        Map<String, Double> errnos = outcome.result().output().metrics();
        for (String call : List.of("ptrace", "mount", "umount2", "pivot_root", "bpf", "keyctl", "add_key",
                "request_key", "perf_event_open", "userfaultfd", "unshare", "setns", "init_module", "finit_module",
                "delete_module", "kexec_load", "kexec_file_load", "reboot", "swapon", "swapoff", "acct",
                "open_by_handle_at", "iopl", "ioperm", "clone_newuser", "clone_newnet")) {
            assertThat(errnos.get(call)).as(call + " errno (1 = EPERM)").isEqualTo(1.0);
        }
        assertThat(errnos.get("clone3")).as("clone3 answers ENOSYS so glibc falls back to clone").isEqualTo(38.0);
        assertThat(errnos.get("fork")).as("a plain fork still works").isEqualTo(0.0);
    }

    @Test
    void theSandboxRunsUnderSeccompWithItsFilesInANoexecTmpfs() {
        Outcome outcome = run("""
                import java.nio.file.Files;
                import java.nio.file.Path;
                import org.alignlab.experiments.script.Experiment;
                import org.alignlab.experiments.script.ScriptContext;

                public class Status implements Experiment {
                    @Override
                    public void run(ScriptContext ctx) throws Exception {
                        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                            if (line.startsWith("Seccomp:")) {
                                ctx.report("seccomp", Double.parseDouble(line.substring(8).strip()));
                            }
                        }
                        for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
                            String[] mount = line.split(" ");
                            if (mount[1].equals("/work") || mount[1].equals("/tmp")) {
                                System.err.println(line);
                                ctx.report(mount[1].substring(1) + "_tmpfs", mount[2].equals("tmpfs") ? 1 : 0);
                                ctx.report(mount[1].substring(1) + "_noexec", mount[3].contains("noexec") ? 1 : 0);
                            }
                        }
                    }
                }
                """, LIMITS);

        assertThat(outcome.result().status()).as(describe(outcome)).isEqualTo(ExperimentStatus.SUCCEEDED);
        // 2: SECCOMP_MODE_FILTER.
        assertThat(outcome.result().output().metrics()).containsEntry("seccomp", 2.0)
                .containsEntry("work_tmpfs", 1.0).containsEntry("work_noexec", 1.0)
                .containsEntry("tmp_tmpfs", 1.0).containsEntry("tmp_noexec", 1.0);
    }

    /**
     * Issue 14: the work directory was a host directory with only a per-file limit, so a run could write hundreds of
     * MB onto the disk that holds PostgreSQL and Kafka, one file under the limit at a time.
     */
    @Test
    void writingPastTheWorkDirectorysSizeFailsWithinItsTmpfs() throws IOException {
        long freeBefore = Files.getFileStore(workRoot).getUsableSpace();

        Outcome outcome = run("""
                import java.io.IOException;
                import java.io.OutputStream;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import org.alignlab.experiments.script.Experiment;
                import org.alignlab.experiments.script.ScriptContext;

                public class Fill implements Experiment {
                    @Override
                    public void run(ScriptContext ctx) throws Exception {
                        byte[] chunk = new byte[1 << 20];
                        long mb = 0;
                        try {
                            // 16 files of 40 MB: each under the per-file limit, 640 MB together.
                            for (int file = 0; file < 16; file++) {
                                try (OutputStream out = Files.newOutputStream(Path.of("/work/fill-" + file))) {
                                    for (int i = 0; i < 40; i++, mb++) {
                                        out.write(chunk);
                                    }
                                }
                            }
                        } catch (IOException e) {
                            throw new IllegalStateException("stopped after " + mb + " MB: " + e.getMessage(), e);
                        }
                        ctx.report("written_mb", mb);
                    }
                }
                """, new ResourceRequest(60, 256, 60));

        assertThat(outcome.result().status()).as(describe(outcome)).isEqualTo(ExperimentStatus.FAILED);
        assertThat(outcome.result().reason()).contains("No space left on device");
        long written = Long.parseLong(outcome.result().reason().replaceAll(".*stopped after (\\d+) MB.*", "$1"));
        assertThat(written).isLessThanOrEqualTo(RunnerLimits.WorkDir.DEFAULT.maxMb());
        // Whatever other users of this disk did meanwhile, this run left nothing near its 640 MB on it.
        assertThat(Files.getFileStore(workRoot).getUsableSpace()).isGreaterThan(freeBefore - (128L << 20));
    }

    /** Issue 14: tens of thousands of files, each tiny, onto the host's file system. */
    @Test
    void creatingAHundredThousandFilesStopsAtTheInodeLimit() {
        Outcome outcome = run("""
                import java.io.IOException;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import org.alignlab.experiments.script.Experiment;
                import org.alignlab.experiments.script.ScriptContext;

                public class Inodes implements Experiment {
                    @Override
                    public void run(ScriptContext ctx) throws Exception {
                        int created = 0;
                        try {
                            Path dir = Files.createDirectory(Path.of("/work/many"));
                            for (; created < 100_000; created++) {
                                Files.createFile(dir.resolve("f" + created));
                            }
                        } catch (IOException e) {
                            throw new IllegalStateException("stopped after " + created + " files: " + e, e);
                        }
                        ctx.report("files", created);
                    }
                }
                """, new ResourceRequest(60, 256, 60));

        assertThat(outcome.result().status()).as(describe(outcome)).isEqualTo(ExperimentStatus.FAILED);
        assertThat(outcome.result().reason()).contains("No space left on device");
        long created = Long.parseLong(outcome.result().reason().replaceAll(".*stopped after (\\d+) files.*", "$1"));
        assertThat(created).isLessThan(RunnerLimits.WorkDir.DEFAULT.maxFiles());
    }

    /** A probe of the denied syscalls, compiled for this host and staged where the sandbox can run it. */
    private static Path compileSyscallProbe(Path gcc) throws Exception {
        Path source = workBase.resolve("syscall-probe.c");
        Files.writeString(source, """
                #define _GNU_SOURCE
                #include <errno.h>
                #include <sched.h>
                #include <signal.h>
                #include <stdio.h>
                #include <sys/syscall.h>
                #include <sys/wait.h>
                #include <unistd.h>

                static void probe(const char *name, long result) {
                    printf("%s %d\\n", name, result == -1 ? errno : 0);
                }

                /* Where a namespace clone is let through, the child leaves at once. */
                static void probe_clone(const char *name, unsigned long flags) {
                    long child = syscall(SYS_clone, flags | SIGCHLD, 0, 0, 0, 0);
                    if (child == 0) {
                        _exit(0);
                    }
                    if (child > 0) {
                        waitpid(child, 0, 0);
                    }
                    probe(name, child);
                }

                int main(void) {
                    probe("ptrace", syscall(SYS_ptrace, 0 /* PTRACE_TRACEME */, 0, 0, 0));
                    probe("mount", syscall(SYS_mount, "none", "/tmp", "tmpfs", 0, 0));
                    probe("umount2", syscall(SYS_umount2, "/tmp", 0));
                    probe("pivot_root", syscall(SYS_pivot_root, "/tmp", "/tmp"));
                    probe("bpf", syscall(SYS_bpf, 0, 0, 0));
                    probe("keyctl", syscall(SYS_keyctl, 0 /* GET_KEYRING_ID */, -1, 0));
                    probe("add_key", syscall(SYS_add_key, "user", "k", "v", 1, -1));
                    probe("request_key", syscall(SYS_request_key, "user", "k", 0, 0));
                    probe("perf_event_open", syscall(SYS_perf_event_open, 0, 0, -1, -1, 0));
                    probe("userfaultfd", syscall(SYS_userfaultfd, 0));
                    probe("unshare", syscall(SYS_unshare, CLONE_NEWUSER));
                    probe("setns", syscall(SYS_setns, 0, 0));
                    probe("init_module", syscall(SYS_init_module, 0, 0, ""));
                    probe("finit_module", syscall(SYS_finit_module, -1, "", 0));
                    probe("delete_module", syscall(SYS_delete_module, "nothing", 0));
                    probe("kexec_load", syscall(SYS_kexec_load, 0, 0, 0, 0));
                #ifdef SYS_kexec_file_load
                    probe("kexec_file_load", syscall(SYS_kexec_file_load, -1, -1, 0, "", 0));
                #endif
                    probe("reboot", syscall(SYS_reboot, 0, 0, 0, 0));
                    probe("swapon", syscall(SYS_swapon, "/nonexistent", 0));
                    probe("swapoff", syscall(SYS_swapoff, "/nonexistent"));
                    probe("acct", syscall(SYS_acct, "/nonexistent"));
                    probe("open_by_handle_at", syscall(SYS_open_by_handle_at, -1, 0, 0));
                #ifdef SYS_iopl
                    probe("iopl", syscall(SYS_iopl, 0));
                    probe("ioperm", syscall(SYS_ioperm, 0, 1, 0));
                #else
                    printf("iopl 1\\nioperm 1\\n");
                #endif
                    probe_clone("clone_newuser", CLONE_NEWUSER);
                    probe_clone("clone_newnet", CLONE_NEWNET);
                    probe("clone3", syscall(435, 0, 0));
                    fflush(stdout);
                    pid_t child = fork();
                    if (child == 0) {
                        _exit(0);
                    }
                    int status = -1;
                    waitpid(child, &status, 0);
                    printf("fork %d\\n", child > 0 && WIFEXITED(status) ? 0 : 1);
                    return 0;
                }
                """);
        Path binary = staged.djlCacheDir().resolve("syscall-probe");
        Process cc = new ProcessBuilder(gcc.toString(), "-O0", "-o", binary.toString(), source.toString())
                .redirectErrorStream(true).start();
        String output = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(cc.waitFor()).as(output).isZero();
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
        return binary;
    }
}
