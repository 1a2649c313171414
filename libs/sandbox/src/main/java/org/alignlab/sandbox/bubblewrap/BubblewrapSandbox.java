package org.alignlab.sandbox.bubblewrap;

import org.alignlab.sandbox.RunnerLimits;
import org.alignlab.sandbox.TailBuffer;
import org.alignlab.sandbox.SandboxUnavailableException;
import org.alignlab.sandbox.SandboxRun;
import org.alignlab.sandbox.SandboxRequest;
import org.alignlab.sandbox.Sandbox;
import org.alignlab.sandbox.RunnerRuntime;
import org.alignlab.sandbox.RunnerStart;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.alignlab.contracts.events.ResourceRequest;
import org.jboss.logging.Logger;

/**
 * The local sandbox: bubblewrap with no network, a read-only runtime, a seccomp filter ({@link SeccompFilter}), a
 * fresh /work and /tmp in one size- and inode-limited noexec tmpfs where this host can mount one
 * ({@link WorkDirectory}), rlimits, cgroup v1 memory, CPU-rate and task limits where this host lets it make cgroups
 * ({@link SandboxCgroup}), and a wall-clock timeout after which the whole process tree is killed. See
 * {@link BwrapCommand}.
 */
public final class BubblewrapSandbox implements Sandbox {

    private static final Logger LOG = Logger.getLogger(BubblewrapSandbox.class);
    /** /proc is sampled at 10 ms, then ever less often up to every 200 ms, so short runs are measured too. */
    private static final long FIRST_SAMPLE_MS = 10;
    private static final long SAMPLE_INTERVAL_MS = 200;
    private static final long DRAIN_WAIT_MS = 5_000;
    private static final ResourceRequest PROBE_LIMITS = new ResourceRequest(5, 64, 10);

    private final Settings settings;
    /** Null when runs start without class-data archives. */
    private final ClassDataArchives classData;
    private volatile HostLayout ready;
    /** Empty when cgroups cannot be made here: limits are then -Xmx, rlimits and the wall clock only. */
    private volatile Optional<CgroupHierarchy> cgroups = Optional.empty();
    private volatile String whyNoCgroups = "not probed yet";
    private volatile byte[] seccompProgram;
    /** Null when runs get their own limited tmpfs; otherwise why not (their files then go to the host's disk). */
    private volatile String whyNoTmpfs = "not probed yet";

    /**
     * @param maxLogBytes    bytes kept of each of stdout and stderr (the tail)
     * @param maxOutputBytes the largest out.json read back
     * @param workDir        the bytes and files a run's own tmpfs ({@code /work} and {@code /tmp}) may hold
     * @param runnerStart    how the runner's JVM starts: its class-data archives ({@link ClassDataArchives}) and JIT
     */
    public record Settings(Path javaHome, Path experimentsJar, Path djlCacheDir, Path workRoot, int maxLogBytes,
            int maxOutputBytes, RunnerLimits.WorkDir workDir, RunnerStart runnerStart) {

        /** With the default work dir limits ({@link RunnerLimits.WorkDir#DEFAULT}), the runner started plainly. */
        public Settings(Path javaHome, Path experimentsJar, Path djlCacheDir, Path workRoot, int maxLogBytes,
                int maxOutputBytes) {
            this(javaHome, experimentsJar, djlCacheDir, workRoot, maxLogBytes, maxOutputBytes,
                    RunnerLimits.WorkDir.DEFAULT);
        }

        /** The runner started plainly ({@link RunnerStart#PLAIN}). */
        public Settings(Path javaHome, Path experimentsJar, Path djlCacheDir, Path workRoot, int maxLogBytes,
                int maxOutputBytes, RunnerLimits.WorkDir workDir) {
            this(javaHome, experimentsJar, djlCacheDir, workRoot, maxLogBytes, maxOutputBytes, workDir,
                    RunnerStart.PLAIN);
        }

        /** The same settings with the runner started as {@code start} says. */
        public Settings with(RunnerStart start) {
            return new Settings(javaHome, experimentsJar, djlCacheDir, workRoot, maxLogBytes, maxOutputBytes, workDir,
                    start);
        }
    }

    /**
     * A run of the runner beyond what a ticket gets: for making and checking class-data archives.
     *
     * @param classData  the archive to start from, or empty
     * @param jvmOptions further JVM options
     * @param inputs     files written into {@code /work} before the run, by name
     * @param afterRun   reads {@code /work} (the host directory) after the run and before it is removed
     */
    record RunnerCall(Optional<Path> classData, List<String> jvmOptions, Map<String, String> inputs,
            WorkReader afterRun) {
    }

    /** Reads what a run left in its work directory; the content is the workload's, so read it defensively. */
    @FunctionalInterface
    interface WorkReader {
        void read(Path work) throws IOException;
    }

    public BubblewrapSandbox(Settings settings) {
        this.settings = settings;
        this.classData = settings.runnerStart().classDataDir() == null ? null
                : new ClassDataArchives(settings.runnerStart().classDataDir());
    }

    @Override
    public String name() {
        return "bubblewrap";
    }

    /** Checks the tools, the runner's files and that a trivial sandbox really starts; remembers success. */
    @Override
    public Optional<String> whyUnavailable() {
        if (ready != null) {
            return Optional.empty();
        }
        try {
            HostLayout layout = HostLayout.detect(settings.javaHome(), settings.experimentsJar(),
                    settings.djlCacheDir());
            requireFiles();
            seccompProgram = SeccompFilter.program(SeccompFilter.Arch.ofThisJvm().orElseThrow(
                    () -> new SandboxUnavailableException("no sandbox available: no seccomp filter for architecture "
                            + System.getProperty("os.arch") + " (x86_64 and aarch64 only)")));
            whyNoTmpfs = WorkDirectory.tmpfsUnusable(settings.workRoot(), layout.setpriv().isPresent()).orElse(null);
            probe(layout);
            probeCgroups();
            ready = layout;
            return Optional.empty();
        } catch (SandboxUnavailableException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * DJL creates its cache directories mode 0700; when bwrap runs as uid 65534 (executor started as root) such a
     * cache is unreadable inside and every DJL run fails with "Failed to extract PyTorch native library".
     */
    @Override
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (ready != null && cgroups.isEmpty()) {
            warnings.add("no cgroup v1 limits (" + whyNoCgroups + "): memory is bounded by -Xmx only, CPU by "
                    + "prlimit's CPU seconds, tasks by the sandbox user's RLIMIT_NPROC");
        }
        if (ready != null && whyNoTmpfs != null) {
            warnings.add("no tmpfs per run (" + whyNoTmpfs + "): /work is a directory under " + settings.workRoot()
                    + " bounded only per file (" + BwrapCommand.MAX_FILE_BYTES / (1024 * 1024) + " MB), not in "
                    + "total or in files");
        }
        if (classData != null) {
            warnings.addAll(classData.problems());
        }
        warnings.addAll(djlCacheWarnings());
        return List.copyOf(warnings);
    }

    /** How runs are limited here, for operators checking a node. */
    public String limitsDescription() {
        String files = whyNoTmpfs == null
                ? "; /work and /tmp: one tmpfs of " + settings.workDir().maxMb() + " MB and "
                        + settings.workDir().maxFiles() + " files (noexec)"
                : "; /work on the host's disk (" + whyNoTmpfs + ")";
        String syscalls = "; seccomp: " + SeccompFilter.deniedCalls(SeccompFilter.Arch.ofThisJvm()
                .orElse(SeccompFilter.Arch.X86_64)).size() + " calls and namespace clones denied";
        return (cgroups.isPresent()
                ? "cgroup v1: memory limit memoryMb + " + tmpfsMb() + " MB (tmpfs), CPU rate ceil(cpuSeconds / "
                        + "wallSeconds) cores, " + SandboxCgroup.MAX_TASKS
                        + " tasks; rlimits: CPU seconds, file size, open files; heap 3/4 of memoryMb"
                : "no cgroups (" + whyNoCgroups + "); rlimits: CPU seconds, processes, file size, open files; "
                        + "heap 3/4 of memoryMb")
                + files + syscalls;
    }

    /** What a run's tmpfs may hold in memory: its own, or bwrap's /tmp where it has none. */
    private long tmpfsMb() {
        return whyNoTmpfs == null ? settings.workDir().maxMb() : BwrapCommand.TMP_BYTES / (1024 * 1024);
    }

    /** A run's directory: with its own tmpfs where this host allows it. */
    private WorkDirectory workDirectory(String label, HostLayout layout) throws IOException {
        return WorkDirectory.create(settings.workRoot(), label, layout.setpriv().isPresent(),
                whyNoTmpfs == null ? settings.workDir() : null);
    }

    private static BwrapCommand.RunPaths paths(WorkDirectory dir, byte[] seccomp) throws IOException {
        return new BwrapCommand.RunPaths(dir.path(), dir.tmp(), dir.writeSeccompFilter(seccomp));
    }

    private List<String> djlCacheWarnings() {
        HostLayout layout = ready;
        Path cache = settings.djlCacheDir();
        if (layout == null || layout.setpriv().isEmpty() || !Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(cache, 2)) {
            return paths.filter(Files::isDirectory).filter(BubblewrapSandbox::closedToOthers).findFirst()
                    .map(closed -> List.of("the DJL cache " + cache + " has directories the sandbox user (uid "
                            + BwrapCommand.SANDBOX_UID + ") cannot read, e.g. " + closed + ": run chmod -R a+rX "
                            + cache + " after warming it"))
                    .orElse(List.of());
        } catch (IOException e) {
            return List.of("cannot inspect the DJL cache " + cache + ": " + e.getMessage());
        }
    }

    private static boolean closedToOthers(Path dir) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
            return !permissions.contains(PosixFilePermission.OTHERS_READ)
                    || !permissions.contains(PosixFilePermission.OTHERS_EXECUTE);
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public SandboxRun run(SandboxRequest request) {
        Optional<String> unavailable = whyUnavailable();
        if (unavailable.isPresent()) {
            return notStarted(Instant.now(), unavailable.get());
        }
        Optional<Path> archive = classData == null ? Optional.empty()
                : classData.archive(request.runtime(), ready, this);
        return run(request, paths -> new BwrapCommand(ready).runner(paths, request.limits(), request.runtime(),
                archive, List.of()), Map.of(), work -> {});
    }

    /**
     * Makes the class-data archive of each runtime that has none yet, or finds the one made before; a run would do
     * it for its own runtime first. Does nothing where the sandbox is unavailable or archives are off. Failures are
     * logged and in {@link #warnings()}: runs then start without an archive.
     */
    @Override
    public void prepare() {
        if (classData != null && whyUnavailable().isEmpty()) {
            for (RunnerRuntime runtime : RunnerRuntime.values()) {
                classData.archive(runtime, ready, this);
            }
        }
    }

    /** Runs {@code workload} (paths as seen inside) instead of the experiments runner. */
    SandboxRun run(SandboxRequest request, List<String> workload) {
        Optional<String> unavailable = whyUnavailable();
        if (unavailable.isPresent()) {
            return notStarted(Instant.now(), unavailable.get());
        }
        return run(request, paths -> new BwrapCommand(ready).command(paths, request.limits(), workload), Map.of(),
                work -> {});
    }

    /** Runs the runner with what {@code call} adds; used for class-data archives, never for a ticket. */
    SandboxRun run(SandboxRequest request, RunnerCall call) {
        Optional<String> unavailable = whyUnavailable();
        if (unavailable.isPresent()) {
            return notStarted(Instant.now(), unavailable.get());
        }
        return run(request, paths -> new BwrapCommand(ready).runner(paths, request.limits(), request.runtime(),
                call.classData(), call.jvmOptions()), call.inputs(), call.afterRun());
    }

    private SandboxRun run(SandboxRequest request, Function<BwrapCommand.RunPaths, List<String>> command,
            Map<String, String> inputs, WorkReader afterRun) {
        Instant started = Instant.now();
        HostLayout layout = ready;
        try (WorkDirectory workDir = workDirectory(request.label(), layout);
                LimitGroup limits = LimitGroup.create(cgroups, request, tmpfsMb())) {
            workDir.writeSpec(request.specJson());
            for (Map.Entry<String, String> input : inputs.entrySet()) {
                workDir.write(input.getKey(), input.getValue());
            }
            List<String> args = new ArrayList<>(limits.enterPrefix());
            args.addAll(command.apply(paths(workDir, seccompProgram)));
            SandboxRun run = execute(args, request, workDir, limits);
            try {
                afterRun.read(workDir.path());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read what " + request.label() + " left: " + e.getMessage(), e);
            }
            return run;
        } catch (IOException e) {
            LOG.errorf(e, "sandbox for %s did not start", request.label());
            return notStarted(started, "sandbox did not start: " + e.getMessage());
        }
    }

    private SandboxRun execute(List<String> args, SandboxRequest request, WorkDirectory workDir, LimitGroup limits)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(args);
        // Nothing of the executor's environment (credentials, JAVA_TOOL_OPTIONS) reaches the sandbox.
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        TailBuffer stdout = new TailBuffer(settings.maxLogBytes());
        TailBuffer stderr = new TailBuffer(settings.maxLogBytes());
        ProcessSampler sampler = new ProcessSampler();

        Instant started = Instant.now();
        Process process = builder.start();
        process.getOutputStream().close();
        Thread outDrain = drain(process.getInputStream(), stdout, request.label() + "-stdout");
        Thread errDrain = drain(process.getErrorStream(), stderr, request.label() + "-stderr");

        SandboxRun.Ending ending = waitOrKill(process, sampler, request.limits().wallSeconds());
        Instant finished = Instant.now();
        join(outDrain);
        join(errDrain);
        int exitCode = process.exitValue();

        WorkDirectory.Output output = workDir.readOutput(settings.maxOutputBytes());
        return new SandboxRun(ending, exitCode, started, finished, sampler.cpuSeconds(), sampler.maxRssMb(),
                stdout.tail(settings.maxLogBytes()), stderr.tail(settings.maxLogBytes()), output.content(),
                output.problem(), limits.oomKilledAtLimitMb());
    }

    /** Waits in short slices, sampling /proc between them, until the process exits or its wall time is up. */
    private static SandboxRun.Ending waitOrKill(Process process, ProcessSampler sampler, int wallSeconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(wallSeconds);
        long intervalMs = FIRST_SAMPLE_MS;
        try {
            while (true) {
                sampler.sample(process.toHandle());
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    killTree(process);
                    return SandboxRun.Ending.TIMED_OUT;
                }
                if (process.waitFor(Math.min(left, TimeUnit.MILLISECONDS.toNanos(intervalMs)), TimeUnit.NANOSECONDS)) {
                    return SandboxRun.Ending.EXITED;
                }
                intervalMs = Math.min(SAMPLE_INTERVAL_MS, intervalMs * 2);
            }
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            return SandboxRun.Ending.KILLED;
        }
    }

    /** Kills every process of the sandbox; --die-with-parent and the PID namespace catch any that slip by. */
    static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            if (!process.waitFor(DRAIN_WAIT_MS, TimeUnit.MILLISECONDS)) {
                LOG.warnf("sandbox process %d did not die within %d ms of SIGKILL", process.pid(), DRAIN_WAIT_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void requireFiles() throws SandboxUnavailableException {
        for (RunnerRuntime runtime : RunnerRuntime.values()) {
            Path jar = runtime.jar(settings.experimentsJar());
            if (!Files.isRegularFile(jar)) {
                throw new SandboxUnavailableException("experiments runner not found at " + jar
                        + " (alignlab.executor.experiments-jar and the script runtime beside it): build "
                        + "libs/experiments first");
            }
        }
        // Without it a script would run with no class path folder at all, and fail in a way that names nothing.
        Path scriptLib = settings.experimentsJar().toAbsolutePath().resolveSibling(RunnerRuntime.SCRIPT.libDirectory());
        if (!Files.isDirectory(scriptLib)) {
            throw new SandboxUnavailableException("the script runtime's class path " + scriptLib + " is missing: "
                    + "build libs/experiments first (mvn package writes it beside the runner jar)");
        }
        if (!Files.isExecutable(settings.javaHome().resolve("bin/java"))) {
            throw new SandboxUnavailableException("no java at " + settings.javaHome().resolve("bin/java")
                    + " (alignlab.executor.java-home)");
        }
    }

    private void probe(HostLayout layout) throws SandboxUnavailableException {
        try (WorkDirectory workDir = workDirectory("probe", layout)) {
            List<String> args = new BwrapCommand(layout).command(paths(workDir, seccompProgram), PROBE_LIMITS,
                    List.of("/usr/bin/true"));
            ProcessBuilder builder = new ProcessBuilder(args).redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().put("PATH", "/usr/bin:/bin");
            Process process = builder.start();
            process.getOutputStream().close();
            TailBuffer output = new TailBuffer(4096);
            Thread drain = drain(process.getInputStream(), output, "sandbox-probe");
            if (!process.waitFor(PROBE_LIMITS.wallSeconds(), TimeUnit.SECONDS)) {
                killTree(process);
                throw new SandboxUnavailableException("no sandbox available: a trivial bubblewrap sandbox did not "
                        + "finish within " + PROBE_LIMITS.wallSeconds() + " s");
            }
            join(drain);
            if (process.exitValue() != 0) {
                throw new SandboxUnavailableException("no sandbox available: a trivial bubblewrap sandbox failed "
                        + "(exit " + process.exitValue() + "): " + output.tail(1000).strip());
            }
        } catch (IOException e) {
            throw new SandboxUnavailableException("no sandbox available: cannot start bubblewrap: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxUnavailableException("no sandbox available: interrupted while probing bubblewrap");
        }
    }

    private void probeCgroups() {
        Optional<CgroupHierarchy> hierarchy = CgroupHierarchy.ofThisProcess();
        if (hierarchy.isEmpty()) {
            whyNoCgroups = "no cgroup v1 memory, cpu and pids hierarchies in /proc/self/cgroup";
            cgroups = Optional.empty();
            return;
        }
        Optional<String> unusable = SandboxCgroup.whyUnusable(hierarchy.get());
        whyNoCgroups = unusable.orElse(null);
        cgroups = unusable.isPresent() ? Optional.empty() : hierarchy;
    }

    /** A run's cgroups, or nothing where there are none, so the run path reads the same either way. */
    private static final class LimitGroup implements AutoCloseable {

        private final SandboxCgroup cgroup;

        private LimitGroup(SandboxCgroup cgroup) {
            this.cgroup = cgroup;
        }

        /** @param tmpfsMb the run's tmpfs, whose pages are charged to its memory cgroup */
        static LimitGroup create(Optional<CgroupHierarchy> hierarchy, SandboxRequest request, long tmpfsMb)
                throws IOException {
            if (hierarchy.isEmpty()) {
                return new LimitGroup(null);
            }
            ResourceRequest limits = request.limits();
            long memoryMb = limits.memoryMb() + tmpfsMb;
            return new LimitGroup(SandboxCgroup.create(hierarchy.get(), request.label(), memoryMb,
                    RunnerLimits.cores(limits)));
        }

        List<String> enterPrefix() {
            return cgroup == null ? List.of() : cgroup.enterPrefix();
        }

        long oomKilledAtLimitMb() {
            return cgroup != null && cgroup.memoryLimitHit() ? cgroup.memoryLimitMb() : 0;
        }

        @Override
        public void close() {
            if (cgroup != null) {
                cgroup.close();
            }
        }
    }

    private static Thread drain(InputStream in, TailBuffer into, String name) {
        Thread thread = new Thread(() -> into.drain(in), "sandbox-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void join(Thread drain) {
        try {
            drain.join(DRAIN_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static SandboxRun notStarted(Instant at, String why) {
        return new SandboxRun(SandboxRun.Ending.NOT_STARTED, -1, at, Instant.now(), 0, 0, "", "", null, why);
    }
}
