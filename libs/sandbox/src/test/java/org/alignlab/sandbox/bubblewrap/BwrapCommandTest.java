package org.alignlab.sandbox.bubblewrap;

import org.alignlab.sandbox.RunnerRuntime;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.alignlab.contracts.events.ResourceRequest;
import org.junit.jupiter.api.Test;

class BwrapCommandTest {

    private static final Path WORK_DIR = Path.of("/tmp/alignlab-executor/run-1/fs/work");
    private static final Path TMP_DIR = Path.of("/tmp/alignlab-executor/run-1/fs/tmp");
    private static final Path FILTER = Path.of("/tmp/alignlab-executor/run-1/seccomp.bpf");
    private static final BwrapCommand.RunPaths PATHS = new BwrapCommand.RunPaths(WORK_DIR, Optional.of(TMP_DIR),
            FILTER);
    private static final ResourceRequest LIMITS = new ResourceRequest(120, 1024, 300);

    private static HostLayout layout(Optional<Path> setpriv) {
        return new HostLayout(Path.of("/usr/bin/bwrap"), Path.of("/usr/bin/prlimit"), setpriv,
                List.of(new HostLayout.SystemPath("/usr", null), new HostLayout.SystemPath("/etc", null),
                        new HostLayout.SystemPath("/bin", "usr/bin"), new HostLayout.SystemPath("/lib", "usr/lib"),
                        new HostLayout.SystemPath("/opt/runtime", null)),
                Path.of("/usr/lib/jvm/java-17"), Path.of("/srv/experiments/target/experiments.jar"),
                Path.of("/var/cache/djl"));
    }

    private static List<String> runner(Optional<Path> setpriv) {
        return new BwrapCommand(layout(setpriv)).runner(PATHS, LIMITS, RunnerRuntime.FAMILIES);
    }

    @Test
    void isolatesEveryNamespaceAndKeepsNoNetworkOrCapabilities() {
        List<String> args = runner(Optional.empty());

        assertThat(args).contains("--unshare-all", "--die-with-parent", "--new-session", "--disable-userns")
                .doesNotContain("--share-net", "--cap-add");
        assertThat(args).containsSequence("--cap-drop", "ALL");
        assertThat(args).containsSequence("--proc", "/proc").containsSequence("--dev", "/dev")
                .containsSequence("--bind", TMP_DIR.toString(), "/tmp");
        assertThat(args).containsSequence("--uid", "65534", "--gid", "65534");
    }

    @Test
    void showsTheRuntimeReadOnlyAndOnlyTheWorkDirectoryWritable() {
        List<String> args = runner(Optional.empty());

        assertThat(args).containsSequence("--ro-bind", "/usr", "/usr")
                .containsSequence("--ro-bind", "/etc", "/etc")
                .containsSequence("--ro-bind", "/opt/runtime", "/opt/runtime")
                .containsSequence("--symlink", "usr/bin", "/bin")
                .containsSequence("--symlink", "usr/lib", "/lib")
                .containsSequence("--ro-bind", "/usr/lib/jvm/java-17", "/usr/lib/jvm/java-17")
                .containsSequence("--ro-bind", "/srv/experiments/target/experiments.jar",
                        "/opt/alignlab/experiments/experiments.jar")
                .containsSequence("--ro-bind-try", "/srv/experiments/target/lib", "/opt/alignlab/experiments/lib")
                .containsSequence("--ro-bind-try", "/var/cache/djl", "/opt/alignlab/djl-cache");
        // The writable binds are the run's own directories.
        assertThat(Collections.frequency(args, "--bind")).isEqualTo(2);
        assertThat(args).containsSequence("--bind", WORK_DIR.toString(), "/work")
                .doesNotContain("--dev-bind", "--bind-try");
        // /work is bound after the runtime, so nothing can be mounted over it.
        assertThat(args.indexOf("--bind")).isGreaterThan(args.lastIndexOf("--ro-bind-try"));
    }

    /** The script runtime's jar has no family code; showing the families' jar beside it would undo that. */
    @Test
    void aScriptSeesOnlyTheScriptRuntimeJarAndNeverTheFamilies() {
        List<String> args = new BwrapCommand(layout(Optional.empty())).runner(PATHS, LIMITS, RunnerRuntime.SCRIPT);

        assertThat(args).containsSequence("--ro-bind", "/srv/experiments/target/experiments-script-runtime.jar",
                "/opt/alignlab/experiments/experiments-script-runtime.jar")
                .containsSequence("-jar", "/opt/alignlab/experiments/experiments-script-runtime.jar")
                .doesNotContain("/srv/experiments/target/experiments.jar", "/srv/experiments/target",
                        "/opt/alignlab/experiments/experiments.jar");
        // Its class path is script-lib/: the runner's jars without JNA.
        assertThat(args).containsSequence("--ro-bind-try", "/srv/experiments/target/script-lib",
                "/opt/alignlab/experiments/lib").doesNotContain("/srv/experiments/target/lib");
    }

    /** bwrap reads the filter from fd 3, which the shell in front opens on the run's filter file. */
    @Test
    void installsTheSeccompFilterFromTheDescriptorTheShellOpens() {
        List<String> args = runner(Optional.of(Path.of("/usr/bin/setpriv")));

        assertThat(args.subList(0, 4)).containsExactly("/bin/sh", "-c", "exec \"$@\" 3<\"$0\"", FILTER.toString());
        assertThat(args.get(4)).isEqualTo("/usr/bin/prlimit");
        int bwrap = args.indexOf("/usr/bin/bwrap");
        assertThat(args.subList(bwrap, args.lastIndexOf("--"))).containsSequence("--seccomp", "3");
    }

    /** /work and /tmp are the run's own tmpfs when it has one; bwrap's size-limited tmpfs /tmp otherwise. */
    @Test
    void bindsTheRunsOwnTmpfsAtWorkAndTmp() {
        List<String> own = runner(Optional.empty());
        List<String> bwrapsTmp = new BwrapCommand(layout(Optional.empty())).runner(
                new BwrapCommand.RunPaths(WORK_DIR, Optional.empty(), FILTER), LIMITS, RunnerRuntime.FAMILIES);

        assertThat(own).containsSequence("--bind", TMP_DIR.toString(), "/tmp").doesNotContain("--tmpfs");
        assertThat(bwrapsTmp).containsSequence("--size", "268435456", "--tmpfs", "/tmp");
    }

    @Test
    void passesOnlyTheSandboxEnvironment() {
        List<String> args = runner(Optional.empty());

        int clear = args.indexOf("--clearenv");
        assertThat(clear).isPositive();
        assertThat(args.subList(clear, args.size())).containsSequence("--setenv", "PATH", "/usr/bin:/bin")
                .containsSequence("--setenv", "HOME", "/work")
                .containsSequence("--setenv", "DJL_OFFLINE", "true")
                .containsSequence("--setenv", "DJL_CACHE_DIR", "/opt/alignlab/djl-cache")
                // PyTorch's matrix products reproducible run to run (Reproducibility).
                .containsSequence("--setenv", "MKL_CBWR", "AUTO,STRICT");
        assertThat(Collections.frequency(args, "--setenv")).isEqualTo(5);
        assertThat(args.indexOf("--setenv")).isGreaterThan(clear);
    }

    @Test
    void wrapsEverythingInRlimitsAndRunsTheRunnerWithAHeapBelowTheMemoryLimit() {
        List<String> args = runner(Optional.empty());

        assertThat(args.get(4)).isEqualTo("/usr/bin/prlimit");
        assertThat(args).contains("--cpu=120:121", "--core=0");
        assertThat(args.indexOf("/usr/bin/bwrap")).isGreaterThan(args.indexOf("--cpu=120:121"));
        int workload = args.lastIndexOf("--") + 1;
        assertThat(args.subList(workload, args.size())).containsExactly(
                "/usr/lib/jvm/java-17/bin/java", "-Xmx768m", "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData",
                "-Djava.io.tmpdir=/tmp", "-Djava.security.manager=allow",
                "-Dalignlab.runner.skip-native-teardown=true", "-jar",
                "/opt/alignlab/experiments/experiments.jar",
                "--spec", "/work/spec.json", "--out", "/work/out.json");
    }

    @Test
    void dropsRootToTheSandboxUserBeforeBubblewrapStarts() {
        List<String> asRoot = runner(Optional.of(Path.of("/usr/bin/setpriv")));
        List<String> asUser = runner(Optional.empty());

        int setpriv = asRoot.indexOf("/usr/bin/setpriv");
        assertThat(setpriv).isGreaterThan(0).isLessThan(asRoot.indexOf("/usr/bin/bwrap"));
        assertThat(asRoot.subList(setpriv, asRoot.indexOf("/usr/bin/bwrap")))
                .contains("--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all");
        assertThat(asUser).doesNotContain("/usr/bin/setpriv");
    }

    /** Issue 16: the runtime's own archive, read-only at one path, named before -jar; nothing of it otherwise. */
    @Test
    void startsTheRunnerFromItsRuntimesClassDataArchiveWhereThereIsOne() {
        Path archive = Path.of("/tmp/alignlab-executor/class-data/script-0123456789abcdef.jsa");
        List<String> with = new BwrapCommand(layout(Optional.empty())).runner(PATHS, LIMITS, RunnerRuntime.SCRIPT,
                Optional.of(archive), List.of());
        List<String> without = runner(Optional.empty());

        assertThat(with).containsSequence("--ro-bind", archive.toString(), "/opt/alignlab/class-data.jsa")
                .containsSequence("-XX:SharedArchiveFile=/opt/alignlab/class-data.jsa",
                        "-jar");
        assertThat(with.indexOf("--ro-bind")).isLessThan(with.lastIndexOf("--"));
        assertThat(with.stream().filter(arg -> arg.contains(".jsa"))).hasSize(3);
        assertThat(without).noneMatch(arg -> arg.contains("SharedArchiveFile") || arg.contains("class-data")
                || arg.contains("TieredStopAtLevel"));
        // A script's archive keeps the JDK's randomised mapping.
        assertThat(with).noneMatch(arg -> arg.contains("ArchiveRelocationMode") || arg.contains("skip-native"));
    }

    /** Issue 16: the families' runner maps its archive where it was dumped for, and ends with _exit. */
    @Test
    void theFamiliesRunnerMapsItsArchiveAtItsAddressAndSkipsTheNativeTeardown() {
        Path archive = Path.of("/tmp/alignlab-executor/class-data/families-0123456789abcdef.jsa");
        List<String> with = new BwrapCommand(layout(Optional.empty())).runner(PATHS, LIMITS, RunnerRuntime.FAMILIES,
                Optional.of(archive), List.of());

        assertThat(with).containsSequence("-XX:SharedArchiveFile=/opt/alignlab/class-data.jsa",
                "-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0", "-jar")
                .contains("-Dalignlab.runner.skip-native-teardown=true");
        assertThat(runner(Optional.empty())).noneMatch(arg -> arg.contains("ArchiveRelocationMode"));
    }
}
