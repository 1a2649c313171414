package org.alignlab.sandbox.bubblewrap;

import org.alignlab.sandbox.Reproducibility;
import org.alignlab.sandbox.RunnerLimits;
import org.alignlab.sandbox.RunnerRuntime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alignlab.contracts.events.ResourceRequest;

/**
 * Builds the command line of one bubblewrap sandbox. Pure (no I/O), so the isolation it promises is checked
 * by a plain unit test on the argument list.
 *
 * <p>Shape: {@code sh -c 'exec "$@" 3<filter' -- prlimit <limits> -- [setpriv <drop to 65534> --] bwrap <isolation>
 * --seccomp 3 -- <workload>}. There is deliberately no {@code --share-net}: {@code --unshare-all} gives the workload
 * an empty network namespace.
 */
public final class BwrapCommand {

    public static final String SANDBOX_UID = "65534";
    /** Where the experiments jar's directory (with its {@code lib/}) appears inside. */
    public static final String EXPERIMENTS_MOUNT = "/opt/alignlab/experiments";
    /** Where the DJL cache appears inside, read-only. */
    public static final String DJL_CACHE_MOUNT = "/opt/alignlab/djl-cache";
    /** Where the run's runtime's class-data archive appears inside, read-only, when it has one. */
    public static final String CLASS_DATA_MOUNT = "/opt/alignlab/class-data.jsa";
    public static final String WORK = "/work";
    public static final String SPEC_FILE = "spec.json";
    public static final String OUT_FILE = "out.json";
    /** {@code experiments.FamiliesMain.SKIP_NATIVE_TEARDOWN}: the families' runner ends with {@code _exit}. */
    static final String SKIP_NATIVE_TEARDOWN = "alignlab.runner.skip-native-teardown";

    /** No single file the workload writes may be larger; also bounds a runaway out.json. */
    static final long MAX_FILE_BYTES = 256L * 1024 * 1024;
    /** Size of bwrap's private /tmp where the run has no tmpfs of its own; tmpfs pages count as memory. */
    static final long TMP_BYTES = 256L * 1024 * 1024;
    /** The descriptor the seccomp program arrives on: opened by the shell in front of the command line. */
    static final int SECCOMP_FD = 3;
    /** Processes and threads of the sandbox user; a JVM with DJL needs a few dozen. */
    static final int MAX_PROCESSES = 1024;
    static final int MAX_OPEN_FILES = 4096;

    private final HostLayout host;

    public BwrapCommand(HostLayout host) {
        this.host = host;
    }

    /**
     * A run's host paths.
     *
     * @param work          bound read-write at {@code /work}
     * @param tmp           bound read-write at {@code /tmp}; empty: a {@link #TMP_BYTES} tmpfs of bwrap's own
     * @param seccompFilter the compiled filter ({@link SeccompFilter}), read by bwrap from {@link #SECCOMP_FD}
     */
    public record RunPaths(Path work, Optional<Path> tmp, Path seccompFilter) {
    }

    /**
     * The experiments runner on {@code /work/spec.json}, writing {@code /work/out.json}. Only {@code runtime}'s jar
     * and the shared {@code lib/} are shown, so a script's sandbox holds no family code to load.
     */
    public List<String> runner(RunPaths paths, ResourceRequest limits, RunnerRuntime runtime) {
        return runner(paths, limits, runtime, Optional.empty(), List.of());
    }

    /**
     * The runner as above, starting from {@code runtime}'s class-data archive ({@link ClassDataArchives}) where there
     * is one: the host file is shown read-only at {@link #CLASS_DATA_MOUNT}, the only archive the sandbox sees, and
     * named by {@code -XX:SharedArchiveFile}. The JVM maps it only if it was dumped by this JVM from these jars at
     * these paths; otherwise it starts without it ({@code -Xshare:auto}, the default).
     *
     * @param jvmOptions further JVM options before {@code -jar}: how archives are trained, dumped and checked
     */
    List<String> runner(RunPaths paths, ResourceRequest limits, RunnerRuntime runtime, Optional<Path> classData,
            List<String> jvmOptions) {
        Path hostJar = runtime.jar(host.experimentsJar()).toAbsolutePath();
        Path jar = Path.of(EXPERIMENTS_MOUNT, hostJar.getFileName().toString());
        List<String> workload = new ArrayList<>(List.of(
                host.javaHome().resolve("bin/java").toString(),
                "-Xmx" + RunnerLimits.heapMb(limits.memoryMb()) + "m",
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:-UsePerfData",
                "-Djava.io.tmpdir=/tmp",
                // The script runtime installs its native-code guard (a security manager); Java 18+ needs this for it.
                "-Djava.security.manager=allow"));
        boolean families = runtime == RunnerRuntime.FAMILIES;
        if (families) {
            // A successful run ends with _exit once out.json is written, skipping PyTorch's native teardown (0.1 s;
            // FamiliesMain.exitSkippingNativeTeardown). The script runtime has no such exit.
            workload.add("-D" + SKIP_NATIVE_TEARDOWN + "=true");
        }
        List<String> binds = new ArrayList<>(List.of("--ro-bind", hostJar.toString(), jar.toString()));
        classData.ifPresent(archive -> {
            workload.add("-XX:SharedArchiveFile=" + CLASS_DATA_MOUNT);
            if (families) {
                // This JDK maps an archive at a random address by default and then relocates every pointer in it:
                // 60 ms of every start (issue 16). Mode 0 maps it at the address it was dumped for (relocating only
                // if that is taken), so the class metadata sits at a fixed address instead of a random one. Only for
                // the families' runner, which runs the platform's own code; the script runtime, which runs an
                // agent's, keeps the randomised mapping.
                workload.addAll(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0"));
            }
            binds.addAll(List.of("--ro-bind", archive.toAbsolutePath().toString(), CLASS_DATA_MOUNT));
        });
        workload.addAll(jvmOptions);
        workload.addAll(List.of(
                "-jar", jar.toString(),
                "--spec", WORK + "/" + SPEC_FILE,
                "--out", WORK + "/" + OUT_FILE));
        return command(paths, limits, workload, binds, libDirectory(runtime));
    }

    /** Any workload in the same sandbox, with no runner jar shown; {@code workload} paths are as seen inside. */
    public List<String> command(RunPaths paths, ResourceRequest limits, List<String> workload) {
        return command(paths, limits, workload, List.of(), libDirectory(RunnerRuntime.FAMILIES));
    }

    /**
     * The families' runner gets {@code lib/}; a script gets {@code script-lib/}, the same jars without JNA, so
     * nothing on its class path calls native code for it.
     */
    private String libDirectory(RunnerRuntime runtime) {
        return host.experimentsJar().toAbsolutePath().resolveSibling(runtime.libDirectory()).toString();
    }

    private List<String> command(RunPaths paths, ResourceRequest limits, List<String> workload,
            List<String> jarBind, String lib) {
        List<String> args = new ArrayList<>();
        // bwrap reads the filter from a descriptor; only a shell can open one that survives into it.
        args.addAll(List.of("/bin/sh", "-c", "exec \"$@\" " + SECCOMP_FD + "<\"$0\"",
                paths.seccompFilter().toString()));
        limits(args, limits);
        host.setpriv().ifPresent(setpriv -> args.addAll(List.of(setpriv.toString(),
                "--reuid=" + SANDBOX_UID, "--regid=" + SANDBOX_UID, "--clear-groups", "--inh-caps=-all", "--")));
        isolation(args, paths, jarBind, lib);
        args.add("--");
        args.addAll(workload);
        return List.copyOf(args);
    }

    private void limits(List<String> args, ResourceRequest limits) {
        int cpu = limits.cpuSeconds();
        args.addAll(List.of(host.prlimit().toString(),
                // Soft limit: SIGXCPU (exit 152), told apart from other kills; a second later the hard limit SIGKILLs.
                "--cpu=" + cpu + ":" + (cpu + 1),
                "--core=0",
                "--fsize=" + MAX_FILE_BYTES,
                "--nproc=" + MAX_PROCESSES,
                "--nofile=" + MAX_OPEN_FILES,
                "--"));
    }

    private void isolation(List<String> args, RunPaths paths, List<String> jarBind, String lib) {
        args.addAll(List.of(host.bwrap().toString(),
                "--unshare-all", "--unshare-user", "--disable-userns",
                "--die-with-parent", "--new-session",
                "--cap-drop", "ALL",
                "--seccomp", Integer.toString(SECCOMP_FD)));
        for (HostLayout.SystemPath path : host.systemPaths()) {
            if (path.symlinkTarget() == null) {
                args.addAll(List.of("--ro-bind", path.path(), path.path()));
            } else {
                args.addAll(List.of("--symlink", path.symlinkTarget(), path.path()));
            }
        }
        String javaHome = host.javaHome().toString();
        args.addAll(List.of("--ro-bind", javaHome, javaHome));
        args.addAll(jarBind);
        args.addAll(List.of(
                // -try: only the runner needs lib/; the availability probe runs /usr/bin/true with no runner staged.
                "--ro-bind-try", lib, EXPERIMENTS_MOUNT + "/lib",
                // -try: a missing cache must not stop script runs; DJL then fails offline with its own message.
                "--ro-bind-try", host.djlCacheDir().toString(), DJL_CACHE_MOUNT,
                "--proc", "/proc",
                "--dev", "/dev"));
        if (paths.tmp().isPresent()) {
            args.addAll(List.of("--bind", paths.tmp().get().toString(), "/tmp"));
        } else {
            args.addAll(List.of("--size", Long.toString(TMP_BYTES), "--tmpfs", "/tmp"));
        }
        args.addAll(List.of(
                "--bind", paths.work().toString(), WORK,
                "--chdir", WORK,
                "--uid", SANDBOX_UID, "--gid", SANDBOX_UID,
                "--hostname", "sandbox",
                "--clearenv",
                "--setenv", "PATH", "/usr/bin:/bin",
                "--setenv", "HOME", WORK,
                "--setenv", "DJL_OFFLINE", "true",
                "--setenv", "DJL_CACHE_DIR", DJL_CACHE_MOUNT,
                "--setenv", Reproducibility.MKL_CBWR, Reproducibility.MKL_CBWR_MODE));
    }
}
