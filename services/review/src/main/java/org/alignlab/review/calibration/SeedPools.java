package org.alignlab.review.calibration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alignlab.contracts.events.Split;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Per-seed values of real family runs, as {@code deploy/bench/family-seed-values} writes them: {@code #} lines of
 * provenance, a header, then {@code family,configuration,params,split,seed,metric,value} with an empty value where a
 * seed reported none. Each family's baseline is its configuration {@value #BASELINE}; {@value #NULL_COPY} is the same
 * configuration run again on other seeds.
 */
public final class SeedPools {

    public static final String BASELINE = "defaults";
    public static final String NULL_COPY = "defaults-copy";
    /** Where the committed data lie on the test class path. */
    public static final String COMMITTED = "/calibration/real-family-runs.csv";

    private static final String HEADER = "family,configuration,params,split,seed,metric,value";

    private final List<String> provenance;
    private final Map<String, String> metrics;
    private final Map<Key, Column> columns;

    private record Key(String family, String configuration, Split split) {
    }

    private record Column(List<Integer> seeds, List<Double> values) {
    }

    private SeedPools(List<String> provenance, Map<String, String> metrics, Map<Key, Column> columns) {
        this.provenance = List.copyOf(provenance);
        this.metrics = metrics;
        this.columns = columns;
    }

    public static SeedPools read(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            return read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From the class path, e.g. {@link #COMMITTED}. */
    public static SeedPools resource(String name) {
        InputStream in = SeedPools.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalArgumentException("no " + name + " on the class path");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SeedPools read(BufferedReader reader) throws IOException {
        List<String> provenance = new ArrayList<>();
        Map<String, String> metrics = new LinkedHashMap<>();
        Map<Key, Column> columns = new LinkedHashMap<>();
        boolean header = false;
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            if (line.startsWith("#")) {
                provenance.add(line.substring(1).strip());
            } else if (!header) {
                if (!line.equals(HEADER)) {
                    throw new IllegalArgumentException("line " + number + ": expected the header " + HEADER);
                }
                header = true;
            } else if (!line.isBlank()) {
                String[] f = line.split(",", -1);
                if (f.length != 7) {
                    throw new IllegalArgumentException("line " + number + ": 7 fields expected, got " + f.length);
                }
                String known = metrics.putIfAbsent(f[0], f[5]);
                if (known != null && !known.equals(f[5])) {
                    throw new IllegalArgumentException("line " + number + ": family " + f[0] + " has two metrics");
                }
                Column column = columns.computeIfAbsent(new Key(f[0], f[1], split(f[3], number)),
                        key -> new Column(new ArrayList<>(), new ArrayList<>()));
                column.seeds().add(Integer.parseInt(f[4]));
                column.values().add(f[6].isEmpty() ? null : Double.valueOf(f[6]));
            }
        }
        if (!header) {
            throw new IllegalArgumentException("no header " + HEADER);
        }
        return new SeedPools(provenance, metrics, columns);
    }

    private static Split split(String name, int number) {
        return switch (name) {
            case "validation" -> Split.VALIDATION;
            case "heldout" -> Split.HELDOUT;
            default -> throw new IllegalArgumentException("line " + number + ": unknown split " + name);
        };
    }

    /** The {@code #} lines: what wrote the data, with which code. */
    public List<String> provenance() {
        return provenance;
    }

    public List<String> families() {
        return List.copyOf(metrics.keySet());
    }

    /** The metric the family's values are of. */
    public String metric(String family) {
        String metric = metrics.get(family);
        if (metric == null) {
            throw new IllegalArgumentException("no values of family " + family);
        }
        return metric;
    }

    /** The family's configurations in the order the file has them. */
    public List<String> configurations(String family) {
        return columns.keySet().stream().filter(key -> key.family().equals(family)).map(Key::configuration)
                .distinct().toList();
    }

    /**
     * The same configurations and seeds, each column's values drawn with replacement from its own: the pools the
     * families might have given on other seeds, for a bootstrap of the calibration over the pools themselves.
     */
    public SeedPools resampled(RandomGenerator random) {
        Map<Key, Column> drawn = new LinkedHashMap<>();
        columns.forEach((key, column) -> {
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < column.values().size(); i++) {
                values.add(column.values().get(random.nextInt(column.values().size())));
            }
            drawn.put(key, new Column(column.seeds(), values));
        });
        return new SeedPools(provenance, metrics, drawn);
    }

    public SeedPool pool(String family, String configuration, Split split) {
        Column column = columns.get(new Key(family, configuration, split));
        if (column == null) {
            throw new IllegalArgumentException("no " + split + " values of " + family + " " + configuration);
        }
        return new SeedPool(column.seeds(), column.values());
    }
}
