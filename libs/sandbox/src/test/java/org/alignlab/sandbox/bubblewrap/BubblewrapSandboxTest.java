package org.alignlab.sandbox.bubblewrap;

import org.alignlab.sandbox.SandboxRun;
import org.alignlab.sandbox.SandboxRequest;
import org.alignlab.sandbox.RunnerRuntime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.alignlab.contracts.events.ResourceRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs real bubblewrap sandboxes: what the isolation promises, checked from inside. */
class BubblewrapSandboxTest {

    private static final ResourceRequest LIMITS = new ResourceRequest(20, 256, 30);

    private Path workRoot;
    private BubblewrapSandbox sandbox;

    @BeforeAll
    static void requireBubblewrap() {
        assumeTrue(HostLayout.onPath("bwrap").isPresent(),
                "bubblewrap is not installed (apt-get install -y bubblewrap): the sandbox integration tests need it");
    }

    @TempDir
    Path base;

    @BeforeEach
    void setUp() throws IOException {
        // World-traversable: when the tests run as root, bwrap runs as uid 65534 and must reach these paths.
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jarDir = Files.createDirectories(base.resolve("experiments"));
        Files.writeString(jarDir.resolve("runner.jar"), "stand-in: these tests run other workloads");
        Files.writeString(jarDir.resolve("runner-script-runtime.jar"), "stand-in: these tests run other workloads");
        Files.createDirectories(jarDir.resolve("script-lib"));
        workRoot = base.resolve("work");
        sandbox = new BubblewrapSandbox(new BubblewrapSandbox.Settings(Path.of(System.getProperty("java.home")),
                jarDir.resolve("runner.jar"), base.resolve("no-djl-cache"), workRoot, 64 * 1024, 1024 * 1024));
    }

    private SandboxRun run(ResourceRequest limits, String... workload) {
        return sandbox.run(new SandboxRequest("test", "{\"family\":\"probe\"}", limits, RunnerRuntime.FAMILIES),
                List.of(workload));
    }

    @Test
    void isAvailableWhereBubblewrapIsInstalled() {
        assertThat(sandbox.whyUnavailable()).isEmpty();
    }

    @Test
    void runsAsTheUnprivilegedUserWithNoCapabilities() {
        SandboxRun run = run(LIMITS, "/usr/bin/bash", "-c", "id -u; id -g; grep CapEff /proc/self/status");

        assertThat(run.exitCode()).as(run.stderrTail()).isZero();
        assertThat(run.stdoutTail().lines().toList())
                .containsExactly("65534", "65534", "CapEff:\t0000000000000000");
    }

    @Test
    void cannotConnectToAPortListeningOnTheHost() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(3000);
            CompletableFuture<Boolean> accepted = CompletableFuture.supplyAsync(() -> {
                try (Socket ignored = server.accept()) {
                    return true;
                } catch (SocketTimeoutException e) {
                    return false;
                } catch (IOException e) {
                    return false;
                }
            });

            SandboxRun run = run(LIMITS, "/usr/bin/bash", "-c",
                    "echo hello > /dev/tcp/127.0.0.1/" + server.getLocalPort() + " && echo CONNECTED");

            assertThat(run.exitCode()).isNotZero();
            assertThat(run.stdoutTail()).doesNotContain("CONNECTED");
            assertThat(run.stderrTail()).containsAnyOf("Connection refused", "Network is unreachable");
            assertThat(accepted.get()).as("the host listener saw a connection").isFalse();
        }
    }

    @Test
    void cannotWriteTheRuntime() {
        SandboxRun run = run(LIMITS, "/usr/bin/touch", "/usr/sandbox-was-here");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.stderrTail()).contains("Read-only file system");
        assertThat(Path.of("/usr/sandbox-was-here")).doesNotExist();
    }

    @Test
    void seesOnlyItsOwnEnvironmentAndWorkDirectory() {
        SandboxRun run = run(LIMITS, "/usr/bin/bash", "-c", "env | grep -v -e '^_=' -e '^SHLVL=' | sort; pwd;"
                + " cat /work/spec.json > /work/out.json");

        assertThat(run.exitCode()).as(run.stderrTail()).isZero();
        assertThat(run.stdoutTail().lines().toList()).containsExactly(
                "DJL_CACHE_DIR=/opt/alignlab/djl-cache", "DJL_OFFLINE=true", "HOME=/work", "MKL_CBWR=AUTO,STRICT",
                "PATH=/usr/bin:/bin", "PWD=/work", "/work");
        assertThat(run.output()).isEqualTo("{\"family\":\"probe\"}");
    }

    @Test
    void killsTheWholeTreeWhenTheWallClockRunsOut() {
        String marker = "600.4242";
        SandboxRun run = run(new ResourceRequest(20, 256, 1), "/usr/bin/bash", "-c",
                "/usr/bin/sleep " + marker + " & /usr/bin/sleep " + marker);

        assertThat(run.ending()).isEqualTo(SandboxRun.Ending.TIMED_OUT);
        assertThat(run.duration()).isLessThan(Duration.ofSeconds(10));
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            assertThat(all.filter(p -> p.info().commandLine().orElse("").contains(marker)).toList())
                    .as("sandbox processes left behind").isEmpty();
        }
    }

    @Test
    void theCpuLimitEndsABusyLoop() {
        SandboxRun run = run(new ResourceRequest(1, 256, 30), "/usr/bin/bash", "-c", "while :; do :; done");

        assertThat(run.ending()).isEqualTo(SandboxRun.Ending.EXITED);
        assertThat(run.killedBySignal()).isTrue();
        assertThat(run.exitCode()).isIn(128 + 24, 128 + 9);
        assertThat(run.cpuSeconds()).isGreaterThan(0.5);
        assertThat(run.maxRssMb()).isPositive();
    }

    @Test
    void doesNotFollowALinkPlantedAsOutput() {
        SandboxRun run = run(LIMITS, "/usr/bin/ln", "-s", "/etc/hostname", "/work/out.json");

        assertThat(run.exitCode()).as(run.stderrTail()).isZero();
        assertThat(run.output()).isNull();
        assertThat(run.outputProblem()).contains("not a regular file");
    }

    @Test
    void removesTheWorkDirectoryAfterwards() throws IOException {
        run(LIMITS, "/usr/bin/bash", "-c", "mkdir -p /work/a/b && echo x > /work/a/b/c && chmod 000 /work/a");

        try (Stream<Path> left = Files.list(workRoot)) {
            assertThat(left.toList()).isEmpty();
        }
    }

    @Test
    void warnsWhenTheSandboxUserCannotReadTheDjlCache() throws IOException {
        Path cache = Files.createDirectories(base.resolve("djl-cache/pytorch/2.7.1-cpu"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwx------"));
        BubblewrapSandbox withCache = new BubblewrapSandbox(new BubblewrapSandbox.Settings(
                Path.of(System.getProperty("java.home")), base.resolve("experiments/runner.jar"),
                base.resolve("djl-cache"), workRoot, 1024, 1024));

        assertThat(withCache.whyUnavailable()).isEmpty();
        if (HostLayout.runningAsRoot()) {
            // bwrap runs as uid 65534, which cannot enter a 0700 directory of root's.
            assertThat(withCache.warnings()).singleElement().asString().contains("2.7.1-cpu", "chmod -R a+rX");
        } else {
            assertThat(withCache.warnings()).isEmpty();
        }
    }

    @Test
    void explainsAMissingRunnerJar() {
        BubblewrapSandbox withoutJar = new BubblewrapSandbox(new BubblewrapSandbox.Settings(
                Path.of(System.getProperty("java.home")), workRoot.resolveSibling("nowhere/runner.jar"),
                workRoot.resolveSibling("no-djl-cache"), workRoot, 1024, 1024));

        assertThat(withoutJar.whyUnavailable()).hasValueSatisfying(
                why -> assertThat(why).contains("experiments runner not found", "nowhere/runner.jar"));
        assertThat(withoutJar.run(new SandboxRequest("x", "{}", LIMITS, RunnerRuntime.FAMILIES)).ending())
                .isEqualTo(SandboxRun.Ending.NOT_STARTED);
    }

    /** A script's class path folder is built with the runner; a sandbox without it would fail every script. */
    @Test
    void explainsAMissingScriptClassPath() throws IOException {
        Path jarDir = Files.createDirectories(workRoot.resolveSibling("no-script-lib"));
        Files.writeString(jarDir.resolve("runner.jar"), "stand-in");
        Files.writeString(jarDir.resolve("runner-script-runtime.jar"), "stand-in");
        BubblewrapSandbox withoutScriptLib = new BubblewrapSandbox(new BubblewrapSandbox.Settings(
                Path.of(System.getProperty("java.home")), jarDir.resolve("runner.jar"),
                workRoot.resolveSibling("no-djl-cache"), workRoot, 1024, 1024));

        assertThat(withoutScriptLib.whyUnavailable()).hasValueSatisfying(
                why -> assertThat(why).contains("script runtime's class path", "no-script-lib/script-lib"));
    }
}
