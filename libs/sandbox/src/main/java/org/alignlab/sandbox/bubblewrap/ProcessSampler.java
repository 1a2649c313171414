package org.alignlab.sandbox.bubblewrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Measures a process tree from /proc while it runs: CPU time (utime + stime) and peak resident set (VmHWM) of
 * every process seen. Sampling misses what a process used in the last interval before it exited (up to 200 ms)
 * and all of a process that lived shorter than one interval: good enough for accounting, not for enforcement
 * (the rlimits enforce).
 */
final class ProcessSampler {

    private final Map<Long, Duration> cpuByPid = new HashMap<>();
    private final Map<Long, Long> peakKbByPid = new HashMap<>();

    /** Takes one sample of {@code root} and its descendants. */
    synchronized void sample(ProcessHandle root) {
        List<ProcessHandle> tree = Stream.concat(Stream.of(root), root.descendants()).toList();
        for (ProcessHandle process : tree) {
            long pid = process.pid();
            process.info().totalCpuDuration().ifPresent(cpu -> cpuByPid.merge(pid, cpu,
                    (old, now) -> now.compareTo(old) > 0 ? now : old));
            long peakKb = peakRssKb(pid);
            if (peakKb > 0) {
                peakKbByPid.merge(pid, peakKb, Math::max);
            }
        }
    }

    synchronized double cpuSeconds() {
        return cpuByPid.values().stream().mapToLong(Duration::toMillis).sum() / 1000.0;
    }

    synchronized long maxRssMb() {
        return peakKbByPid.values().stream().mapToLong(Long::longValue).sum() / 1024;
    }

    private static long peakRssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring("VmHWM:".length()).replace("kB", "").strip());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // The process exited between listing and reading: its last sample stands.
        }
        return 0;
    }
}
