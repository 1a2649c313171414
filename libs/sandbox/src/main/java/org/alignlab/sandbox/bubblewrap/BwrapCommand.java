package org.alignlab.sandbox.bubblewrap;

import org.alignlab.sandbox.RunnerLimits;
import org.alignlab.sandbox.RunnerRuntime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alignlab.contracts.events.ResourceRequest;

/**
 * Builds the command line of one bubblewrap sandbox. Pure (no I/O), so the isolation it promises is checked
 * by a plain unit test on the argument list.
 *
 * <p>Shape: {@code prlimit <limits> -- [setpriv <drop to 65534> --] bwrap <isolation> -- <workload>}. There is
 * deliberately no {@code --share-net}: {@code --unshare-all} gives the workload an empty network namespace.
 */
public final class BwrapCommand {

    public static final String SANDBOX_UID = "65534";
    /** Where the experiments jar's directory (with its {@code lib/}) appears inside. */
    public static final String EXPERIMENTS_MOUNT = "/opt/alignlab/experiments";
    /** Where the DJL cache appears inside, read-only. */
    public static final String DJL_CACHE_MOUNT = "/opt/alignlab/djl-cache";
    public static final String WORK = "/work";
    public static final String SPEC_FILE = "spec.json";
    public static final String OUT_FILE = "out.json";

    /** No single file the workload writes may be larger; also bounds a runaway out.json. */
    static final long MAX_FILE_BYTES = 256L * 1024 * 1024;
    /** Size of the private /tmp; tmpfs pages count as memory. */
    static final long TMP_BYTES = 256L * 1024 * 1024;
    /** Processes and threads of the sandbox user; a JVM with DJL needs a few dozen. */
    static final int MAX_PROCESSES = 1024;
    static final int MAX_OPEN_FILES = 4096;

    private final HostLayout host;

    public BwrapCommand(HostLayout host) {
        this.host = host;
    }

    /**
     * The experiments runner on {@code /work/spec.json}, writing {@code /work/out.json}. Only {@code runtime}'s jar
     * and the shared {@code lib/} are shown, so a script's sandbox holds no family code to load.
     */
    public List<String> runner(Path workDir, ResourceRequest limits, RunnerRuntime runtime) {
        Path hostJar = runtime.jar(host.experimentsJar()).toAbsolutePath();
        Path jar = Path.of(EXPERIMENTS_MOUNT, hostJar.getFileName().toString());
        List<String> workload = List.of(
                host.javaHome().resolve("bin/java").toString(),
                "-Xmx" + RunnerLimits.heapMb(limits.memoryMb()) + "m",
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:-UsePerfData",
                "-Djava.io.tmpdir=/tmp",
                "-jar", jar.toString(),
                "--spec", WORK + "/" + SPEC_FILE,
                "--out", WORK + "/" + OUT_FILE);
        return command(workDir, limits, workload, List.of("--ro-bind", hostJar.toString(), jar.toString()));
    }

    /** Any workload in the same sandbox, with no runner jar shown; {@code workload} paths are as seen inside. */
    public List<String> command(Path workDir, ResourceRequest limits, List<String> workload) {
        return command(workDir, limits, workload, List.of());
    }

    private List<String> command(Path workDir, ResourceRequest limits, List<String> workload, List<String> jarBind) {
        List<String> args = new ArrayList<>();
        limits(args, limits);
        host.setpriv().ifPresent(setpriv -> args.addAll(List.of(setpriv.toString(),
                "--reuid=" + SANDBOX_UID, "--regid=" + SANDBOX_UID, "--clear-groups", "--inh-caps=-all", "--")));
        isolation(args, workDir, jarBind);
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

    private void isolation(List<String> args, Path workDir, List<String> jarBind) {
        args.addAll(List.of(host.bwrap().toString(),
                "--unshare-all", "--unshare-user", "--disable-userns",
                "--die-with-parent", "--new-session",
                "--cap-drop", "ALL"));
        for (HostLayout.SystemPath path : host.systemPaths()) {
            if (path.symlinkTarget() == null) {
                args.addAll(List.of("--ro-bind", path.path(), path.path()));
            } else {
                args.addAll(List.of("--symlink", path.symlinkTarget(), path.path()));
            }
        }
        String javaHome = host.javaHome().toString();
        String lib = host.experimentsJar().toAbsolutePath().resolveSibling("lib").toString();
        args.addAll(List.of("--ro-bind", javaHome, javaHome));
        args.addAll(jarBind);
        args.addAll(List.of(
                // -try: only the runner needs lib/; the availability probe runs /usr/bin/true with no runner staged.
                "--ro-bind-try", lib, EXPERIMENTS_MOUNT + "/lib",
                // -try: a missing cache must not stop script runs; DJL then fails offline with its own message.
                "--ro-bind-try", host.djlCacheDir().toString(), DJL_CACHE_MOUNT,
                "--proc", "/proc",
                "--dev", "/dev",
                "--size", Long.toString(TMP_BYTES), "--tmpfs", "/tmp",
                "--bind", workDir.toString(), WORK,
                "--chdir", WORK,
                "--uid", SANDBOX_UID, "--gid", SANDBOX_UID,
                "--hostname", "sandbox",
                "--clearenv",
                "--setenv", "PATH", "/usr/bin:/bin",
                "--setenv", "HOME", WORK,
                "--setenv", "DJL_OFFLINE", "true",
                "--setenv", "DJL_CACHE_DIR", DJL_CACHE_MOUNT));
    }
}
