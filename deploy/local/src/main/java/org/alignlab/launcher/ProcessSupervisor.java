package org.alignlab.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts the stack's processes detached from the launcher (they outlive it), remembers them in pid files and
 * stops them again. A pid is only ever signalled while its command line still looks like one of ours, so a
 * pid the system has since reused for something else is left alone.
 */
public final class ProcessSupervisor {

    /** What the command line of each process the launcher starts contains. */
    public static final List<String> OUR_MARKERS = List.of("quarkus-run.jar", "InfraMain", "postgres",
            "zipkin-server-exec.jar");

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final Path pidDir;
    private final List<String> markers;

    public ProcessSupervisor(Path pidDir) {
        this(pidDir, OUR_MARKERS);
    }

    public ProcessSupervisor(Path pidDir, List<String> markers) {
        this.pidDir = pidDir;
        this.markers = List.copyOf(markers);
    }

    /** How stopping one recorded process went. */
    public enum Outcome {
        STOPPED, KILLED, NOT_RUNNING, NOT_OURS
    }

    public record Stopped(String name, long pid, Outcome outcome) {
    }

    /**
     * Starts {@code command} in its own session (so a Ctrl-C in the launcher's terminal does not reach it) with
     * stdout and stderr in {@code log}, records its pid under {@code name} and returns it without waiting.
     */
    public ProcessHandle spawn(String name, List<String> command, Map<String, String> env, Path log)
            throws IOException {
        return spawn(name, command, env, Set.of(), log);
    }

    /** As {@link #spawn(String, List, Map, Path)}, also dropping the named variables the launcher inherited. */
    public ProcessHandle spawn(String name, List<String> command, Map<String, String> env, Set<String> unset, Path log)
            throws IOException {
        List<String> full = new ArrayList<>();
        // setsid execs in place (the child of a JVM is never a process-group leader), so the pid stays the same.
        if (Files.isExecutable(SETSID)) {
            full.add(SETSID.toString());
        }
        full.addAll(command);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(full)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().keySet().removeAll(unset);
        builder.environment().putAll(env);
        Process process = builder.start();
        writePid(name, process.pid());
        return process.toHandle();
    }

    public void writePid(String name, long pid) throws IOException {
        Files.createDirectories(pidDir);
        Files.writeString(pidFile(name), pid + "\n");
    }

    public Path pidFile(String name) {
        return pidDir.resolve(name + ".pid");
    }

    public OptionalLong recordedPid(String name) {
        Path file = pidFile(name);
        try {
            if (!Files.exists(file)) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(Files.readString(file).strip()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Every recorded pid by name, alive or not. */
    public Map<String, Long> recordedPids() throws IOException {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (!Files.isDirectory(pidDir)) {
            return pids;
        }
        try (Stream<Path> files = Files.list(pidDir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".pid"))
                    .sorted()
                    .forEach(f -> {
                        String name = f.substring(0, f.length() - ".pid".length());
                        recordedPid(name).ifPresent(pid -> pids.put(name, pid));
                    });
        }
        return pids;
    }

    /** The recorded process, if it is alive and still ours. */
    public Optional<ProcessHandle> running(String name) {
        OptionalLong pid = recordedPid(name);
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid.getAsLong()).filter(ProcessSupervisor::isRunning).filter(this::isOurs);
    }

    public boolean isOurs(ProcessHandle process) {
        String commandLine = commandLine(process);
        return !commandLine.isBlank() && markers.stream().anyMatch(commandLine::contains);
    }

    /**
     * Stops the named processes together: SIGTERM to all, up to {@code grace} for them to exit, then SIGKILL to
     * what is left and to their descendants. Pid files are removed in every case.
     */
    public List<Stopped> stop(List<String> names, Duration grace) throws IOException {
        Map<String, ProcessHandle> targets = new LinkedHashMap<>();
        Map<String, List<ProcessHandle>> descendants = new LinkedHashMap<>();
        List<Stopped> results = new ArrayList<>();
        for (String name : names) {
            OptionalLong pid = recordedPid(name);
            if (pid.isEmpty()) {
                continue;
            }
            Optional<ProcessHandle> process = ProcessHandle.of(pid.getAsLong()).filter(ProcessSupervisor::isRunning);
            if (process.isPresent() && commandLine(process.get()).isBlank()) {
                // Caught while exiting: the kernel drops the command line just before the process ends.
                awaitExit(process.get(), TimeUnit.SECONDS.toNanos(5));
                process = process.filter(ProcessSupervisor::isRunning);
            }
            if (process.isEmpty()) {
                results.add(new Stopped(name, pid.getAsLong(), Outcome.NOT_RUNNING));
                Files.deleteIfExists(pidFile(name));
            } else if (!isOurs(process.get())) {
                results.add(new Stopped(name, pid.getAsLong(), Outcome.NOT_OURS));
                Files.deleteIfExists(pidFile(name));
            } else {
                // Snapshot now: once the parent is gone its children are re-parented and no longer found.
                descendants.put(name, process.get().descendants().toList());
                targets.put(name, process.get());
                process.get().destroy();
            }
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (Map.Entry<String, ProcessHandle> target : targets.entrySet()) {
            ProcessHandle process = target.getValue();
            boolean exited = awaitExit(process, Math.max(0, deadline - System.nanoTime()));
            if (!exited) {
                process.destroyForcibly();
                awaitExit(process, TimeUnit.SECONDS.toNanos(5));
            }
            // ProcessHandle compares start times, so a snapshot handle never signals a reused pid.
            descendants.get(target.getKey()).stream().filter(ProcessSupervisor::isRunning)
                    .forEach(ProcessHandle::destroyForcibly);
            results.add(new Stopped(target.getKey(), process.pid(), exited ? Outcome.STOPPED : Outcome.KILLED));
            Files.deleteIfExists(pidFile(target.getKey()));
        }
        return results;
    }

    /** Polls rather than using {@code onExit()}, which never completes for a zombie nobody has reaped yet. */
    private static boolean awaitExit(ProcessHandle process, long nanos) {
        long deadline = System.nanoTime() + nanos;
        while (isRunning(process)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            HealthWaiter.sleep(Duration.ofMillis(100));
        }
        return true;
    }

    /**
     * Alive and not a zombie. A process that has exited stays in the process table (with no command line) until
     * its parent reaps it; for PostgreSQL's server, re-parented to init, that can take a moment.
     */
    public static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // The state follows the command name, which is in parentheses and may itself contain spaces.
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return process.isAlive();
        }
    }

    static String commandLine(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        return info.commandLine().orElseGet(() -> (info.command().orElse("") + " "
                + String.join(" ", info.arguments().orElse(new String[0]))).strip());
    }
}
