package org.alignlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What a reader of the report needs to judge its figures: the CPUs, the Java, and how busy the machine was.
 * A benchmark on a shared machine is only as good as its load average.
 */
public final class MachineFacts {

    private MachineFacts() {
    }

    /** One line: CPUs this JVM may use (taskset counts), CPU model, Java version. */
    public static String describe() {
        return Runtime.getRuntime().availableProcessors() + " CPUs visible to the harness (" + cpuModel() + "), Java "
                + System.getProperty("java.version");
    }

    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " / " + fields[1] + " / " + fields[2] + " (1/5/15 min)";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }
}
