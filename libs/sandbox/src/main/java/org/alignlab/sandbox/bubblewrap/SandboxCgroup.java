package org.alignlab.sandbox.bubblewrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * One sandbox's cgroups (v1): a memory cgroup whose limit the kernel enforces by OOM-killing inside it, a cpu cgroup
 * whose CFS quota caps the rate, and a pids cgroup that stops a fork bomb at {@link #MAX_TASKS} tasks however many
 * sandboxes share the sandbox uid (an RLIMIT_NPROC is per user). The workload enters them before it starts, through
 * {@link #enterPrefix()}, so nothing it forks escapes; at the end every task still in them is killed and the groups
 * are removed.
 */
final class SandboxCgroup implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SandboxCgroup.class);
    static final long CFS_PERIOD_US = 100_000;
    static final int MAX_TASKS = 512;
    private static final long EMPTY_WAIT_MS = 5_000;

    private final List<Path> directories;
    private final Path memory;
    private final long memoryLimitMb;

    private SandboxCgroup(List<Path> directories, Path memory, long memoryLimitMb) {
        this.directories = directories;
        this.memory = memory;
        this.memoryLimitMb = memoryLimitMb;
    }

    /**
     * @param memoryLimitMb everything the sandbox may hold in memory, its tmpfs pages included
     * @param cores         CPU rate in whole cores
     */
    static SandboxCgroup create(CgroupHierarchy hierarchy, String label, long memoryLimitMb, int cores)
            throws IOException {
        String name = "alignlab-" + label.replaceAll("[^A-Za-z0-9-]", "_") + "-" + UUID.randomUUID();
        List<Path> created = new ArrayList<>();
        try {
            Path memory = make(hierarchy.directory("memory").resolve(name), created);
            write(memory.resolve("memory.limit_in_bytes"), memoryLimitMb * 1024 * 1024);
            // Without swap accounting the limit could be dodged by swapping; where it exists, cap that too.
            Path memsw = memory.resolve("memory.memsw.limit_in_bytes");
            if (Files.exists(memsw)) {
                write(memsw, memoryLimitMb * 1024 * 1024);
            }
            Path cpu = make(hierarchy.directory("cpu").resolve(name), created);
            write(cpu.resolve("cpu.cfs_period_us"), CFS_PERIOD_US);
            write(cpu.resolve("cpu.cfs_quota_us"), cores * CFS_PERIOD_US);
            Path pids = make(hierarchy.directory("pids").resolve(name), created);
            write(pids.resolve("pids.max"), MAX_TASKS);
            return new SandboxCgroup(List.copyOf(created), memory, memoryLimitMb);
        } catch (IOException e) {
            new SandboxCgroup(created, null, 0).close();
            throw e;
        }
    }

    /**
     * Runs the rest of the command line after moving the shell into every group: {@code exec} keeps its pid, so the
     * workload starts inside and all it forks stays inside.
     */
    List<String> enterPrefix() {
        StringBuilder script = new StringBuilder();
        for (Path directory : directories) {
            script.append("echo $$ > ").append(directory.resolve("cgroup.procs")).append(" && ");
        }
        script.append("exec \"$@\"");
        return List.of("/bin/sh", "-c", script.toString(), "cgroup-enter");
    }

    long memoryLimitMb() {
        return memoryLimitMb;
    }

    /** Whether the kernel OOM-killed a task because this group hit its memory limit. */
    boolean memoryLimitHit() {
        try {
            for (String line : Files.readAllLines(memory.resolve("memory.oom_control"))) {
                if (line.startsWith("oom_kill ")) {
                    return Long.parseLong(line.substring("oom_kill ".length()).strip()) > 0;
                }
            }
            // Kernels before 4.13 do not count kills; a hit limit is the next best sign.
            return Long.parseLong(Files.readString(memory.resolve("memory.failcnt")).strip()) > 0;
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    /** Kills whatever is left inside, then removes the groups. */
    @Override
    public void close() {
        for (Path directory : directories) {
            killAll(directory);
        }
        for (Path directory : directories) {
            try {
                Files.deleteIfExists(directory);
            } catch (IOException e) {
                LOG.warnf("cannot remove cgroup %s: %s", directory, e.getMessage());
            }
        }
    }

    private static void killAll(Path directory) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(EMPTY_WAIT_MS);
        while (System.nanoTime() < deadline) {
            List<Long> pids = tasks(directory);
            if (pids.isEmpty()) {
                return;
            }
            pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.warnf("tasks still alive in cgroup %s after SIGKILL", directory);
    }

    private static List<Long> tasks(Path directory) {
        try {
            return Files.readAllLines(directory.resolve("cgroup.procs")).stream().map(String::strip)
                    .filter(line -> !line.isEmpty()).map(Long::parseLong).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Path make(Path directory, List<Path> created) throws IOException {
        Files.createDirectory(directory);
        created.add(directory);
        return directory;
    }

    private static void write(Path file, long value) throws IOException {
        Files.writeString(file, Long.toString(value));
    }

    static Optional<String> whyUnusable(CgroupHierarchy hierarchy) {
        try {
            create(hierarchy, "probe", 64, 1).close();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("cannot create cgroups under " + hierarchy.directory("memory") + ": " + e);
        }
    }
}
