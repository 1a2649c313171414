package org.alignlab.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessSupervisorTest {

    @TempDir
    Path dir;

    @Test
    void startsADetachedProcessRecordsItAndStopsIt() throws IOException {
        ProcessSupervisor supervisor = new ProcessSupervisor(dir.resolve("pids"), List.of("sleep"));
        ProcessHandle sleeper = supervisor.spawn("sleeper", List.of("sleep", "30"), Map.of(),
                dir.resolve("sleeper.log"));
        try {
            assertThat(supervisor.recordedPid("sleeper")).hasValue(sleeper.pid());
            assertThat(supervisor.running("sleeper")).contains(sleeper);

            List<ProcessSupervisor.Stopped> stopped = supervisor.stop(List.of("sleeper"), Duration.ofSeconds(10));

            assertThat(stopped).containsExactly(
                    new ProcessSupervisor.Stopped("sleeper", sleeper.pid(), ProcessSupervisor.Outcome.STOPPED));
            assertThat(ProcessSupervisor.isRunning(sleeper)).isFalse();
            assertThat(supervisor.pidFile("sleeper")).doesNotExist();
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void neverSignalsAPidWhoseCommandLineIsNotOurs() throws IOException {
        Process stranger = new ProcessBuilder("sleep", "30").start();
        try {
            // The launcher's own markers: a `sleep` is what a reused pid looks like.
            ProcessSupervisor supervisor = new ProcessSupervisor(dir.resolve("pids"));
            supervisor.writePid("monitor", stranger.pid());

            assertThat(supervisor.running("monitor")).isEmpty();
            List<ProcessSupervisor.Stopped> stopped = supervisor.stop(List.of("monitor"), Duration.ofSeconds(1));

            assertThat(stopped).extracting(ProcessSupervisor.Stopped::outcome)
                    .containsExactly(ProcessSupervisor.Outcome.NOT_OURS);
            assertThat(stranger.isAlive()).isTrue();
            assertThat(supervisor.pidFile("monitor")).doesNotExist();
        } finally {
            stranger.destroyForcibly();
        }
    }

    @Test
    void killsWhatIgnoresSigtermOnceTheGraceIsOver() throws IOException {
        ProcessSupervisor supervisor = new ProcessSupervisor(dir.resolve("pids"), List.of("stubborn-marker"));
        ProcessHandle stubborn = supervisor.spawn("stubborn",
                List.of("bash", "-c", "trap '' TERM; echo started; while true; do sleep 0.2; done", "stubborn-marker"),
                Map.of(), dir.resolve("stubborn.log"));
        try {
            awaitLine(dir.resolve("stubborn.log"), "started");
            List<ProcessSupervisor.Stopped> stopped = supervisor.stop(List.of("stubborn"), Duration.ofSeconds(1));

            assertThat(stopped).extracting(ProcessSupervisor.Stopped::outcome)
                    .containsExactly(ProcessSupervisor.Outcome.KILLED);
            assertThat(ProcessSupervisor.isRunning(stubborn)).isFalse();
        } finally {
            stubborn.destroyForcibly();
        }
    }

    @Test
    void aDeadPidIsReportedAndItsFileRemoved() throws IOException, InterruptedException {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        ProcessSupervisor supervisor = new ProcessSupervisor(dir.resolve("pids"));
        supervisor.writePid("kafka", finished.pid());

        assertThat(supervisor.recordedPids()).containsEntry("kafka", finished.pid());
        assertThat(supervisor.stop(List.of("kafka", "never-started"), Duration.ofSeconds(1)))
                .containsExactly(
                        new ProcessSupervisor.Stopped("kafka", finished.pid(), ProcessSupervisor.Outcome.NOT_RUNNING));
        assertThat(supervisor.recordedPids()).isEmpty();
    }

    @Test
    void aChildGetsItsOwnEnvironmentWithoutTheVariablesWithheldFromIt() throws IOException, InterruptedException {
        assertThat(System.getenv("HOME")).isNotBlank();
        ProcessSupervisor supervisor = new ProcessSupervisor(dir.resolve("pids"), List.of("env-marker"));
        ProcessHandle child = supervisor.spawn("env", List.of("sh", "-c", "echo \"home=$HOME port=$QUARKUS_HTTP_PORT\"",
                "env-marker"), Map.of("QUARKUS_HTTP_PORT", "8281"), java.util.Set.of("HOME"), dir.resolve("env.log"));
        child.onExit().join();

        assertThat(Files.readString(dir.resolve("env.log")).strip()).isEqualTo("home= port=8281");
    }

    @Test
    void aZombieCountsAsStoppedThoughJavaCallsItAlive() throws IOException {
        // `sleep 0` exits at once; its parent execs into a `sleep` that never reaps it.
        Process parent = new ProcessBuilder("sh", "-c", "sleep 0 & echo $!; exec sleep 30").start();
        try {
            long zombiePid = Long.parseLong(parent.inputReader().readLine().strip());
            ProcessHandle zombie = ProcessHandle.of(zombiePid).orElseThrow();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (ProcessSupervisor.isRunning(zombie) && System.nanoTime() < deadline) {
                HealthWaiter.sleep(Duration.ofMillis(20));
            }

            assertThat(ProcessSupervisor.isRunning(zombie)).isFalse();
            assertThat(zombie.isAlive()).isTrue();
        } finally {
            parent.destroyForcibly();
        }
    }

    private static void awaitLine(Path log, String line) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return;
            }
            HealthWaiter.sleep(Duration.ofMillis(50));
        }
        throw new AssertionError(log + " never said " + line);
    }
}
