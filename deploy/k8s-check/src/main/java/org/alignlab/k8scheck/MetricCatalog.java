package org.alignlab.k8scheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Prometheus series AlignLab's services export, from a list of Micrometer meters ({@code name kind services},
 * one a line, {@code #} comments). Micrometer's Prometheus naming turns dots into underscores; a counter gains
 * {@code _total}; a timer becomes {@code _seconds_count}, {@code _seconds_sum} and {@code _seconds_max}, and
 * {@code _seconds_bucket} too when it publishes a histogram ({@code timer-histogram}); a distribution summary
 * the same without the unit ({@code summary}, {@code summary-histogram}); a gauge keeps its name.
 */
public final class MetricCatalog {

    /** One meter as the services register it. */
    public record Meter(String name, String kind, List<String> services) {
    }

    private final Map<String, Meter> meters;
    private final Set<String> series;

    private MetricCatalog(Map<String, Meter> meters) {
        this.meters = meters;
        Set<String> all = new LinkedHashSet<>();
        meters.values().forEach(meter -> all.addAll(series(meter)));
        this.series = Set.copyOf(all);
    }

    public static MetricCatalog load(Path file) {
        Map<String, Meter> meters = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        for (String line : lines) {
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            String[] fields = content.split("\\s+");
            if (fields.length < 3) {
                throw new IllegalArgumentException(file + ": expected 'name kind services', got: " + line);
            }
            meters.put(fields[0], new Meter(fields[0], fields[1], List.of(fields).subList(2, fields.length)));
        }
        return new MetricCatalog(meters);
    }

    public Set<String> series() {
        return series;
    }

    public List<Meter> meters() {
        return new ArrayList<>(meters.values());
    }

    static List<String> series(Meter meter) {
        String base = meter.name().replace('.', '_');
        return switch (meter.kind()) {
            case "gauge" -> List.of(base);
            case "counter" -> List.of(base.endsWith("_total") ? base : base + "_total");
            case "timer" -> List.of(base + "_seconds_count", base + "_seconds_sum", base + "_seconds_max");
            case "timer-histogram" -> List.of(base + "_seconds_count", base + "_seconds_sum", base + "_seconds_max",
                    base + "_seconds_bucket");
            case "summary" -> List.of(base + "_count", base + "_sum", base + "_max");
            case "summary-histogram" -> List.of(base + "_count", base + "_sum", base + "_max", base + "_bucket");
            default -> throw new IllegalArgumentException("unknown meter kind " + meter.kind() + " of " + meter.name());
        };
    }
}
