package org.alignlab.experiments;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.SeedMetrics;
import org.alignlab.contracts.runner.RunnerOutput;
import org.alignlab.experiments.stats.SeedAggregator;

/**
 * The sandboxed workload: {@code --spec in.json --out out.json}, started by {@link FamiliesMain} or the script
 * runtime's {@code ScriptMain}. Runs the spec's family once per seed, aggregates, and writes a {@link RunnerOutput}. Exit codes: 0 done, 1 the experiment failed, 2 the request was bad
 * (usage, spec, family or params). Progress and errors go to stderr, whose tail the executor keeps.
 */
public final class Runner {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_REQUEST = 2;

    private static final String USAGE = "usage: --spec <ExperimentSpec.json> --out <RunnerOutput.json>";

    private final Families families;
    private final PrintStream log;

    public Runner(Families families, PrintStream log) {
        this.families = families;
        this.log = log;
    }

    /**
     * These models are too small for PyTorch's intra-op parallelism to pay, and on CPUs shared with other work its
     * spinning OpenMP threads burned up to ten times the CPU seconds (which the sandbox limits) for identical results.
     * An explicit {@code ai.djl.pytorch.num_threads} or {@code OMP_NUM_THREADS} still wins. Must run before the engine
     * starts: DJL reads the properties once.
     */
    public static void useOneTorchThreadUnlessTold() {
        if (System.getenv("OMP_NUM_THREADS") == null) {
            System.getProperties().putIfAbsent("ai.djl.pytorch.num_threads", "1");
            System.getProperties().putIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        }
    }

    /** Runs and returns the exit code instead of exiting, so tests can run it in-process. */
    public int run(String[] args) {
        Map<String, Path> options = parseArgs(args);
        if (options == null) {
            log.println(USAGE);
            return BAD_REQUEST;
        }
        ExperimentSpec spec;
        try {
            spec = SpecLoader.load(options.get("--spec"));
        } catch (InvalidSpecException e) {
            log.println(e.getMessage());
            return BAD_REQUEST;
        }
        Optional<ExperimentFamily> family = families.find(spec.family());
        if (family.isEmpty()) {
            log.println("unknown family " + spec.family() + " (known: " + String.join(", ", families.names()) + ")");
            return BAD_REQUEST;
        }
        log.println("running " + spec.family() + " on " + spec.split().name().toLowerCase(Locale.ROOT)
                + ", seeds " + spec.seeds());
        try {
            List<SeedMetrics> perSeed = runSeeds(family.get().prepare(spec), spec);
            RunnerOutput output = new RunnerOutput(SeedAggregator.aggregate(perSeed), perSeed,
                    RunFingerprint.current());
            write(output, options.get("--out"));
        } catch (InvalidParamsException e) {
            log.println("invalid params: " + e.getMessage());
            return BAD_REQUEST;
        } catch (IOException | RuntimeException e) {
            log.println("failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return FAILED;
        }
        log.println("done");
        return OK;
    }

    private List<SeedMetrics> runSeeds(ExperimentFamily.SeedRun prepared, ExperimentSpec spec) {
        List<SeedMetrics> perSeed = new ArrayList<>();
        for (int seed : spec.seeds()) {
            long start = System.nanoTime();
            Map<String, Double> metrics = new TreeMap<>(prepared.run(seed));
            OutputCheck.seedMetrics(seed, metrics);
            perSeed.add(new SeedMetrics(seed, metrics));
            log.printf(Locale.ROOT, "seed %d (%d/%d, %.1f s): %s%n", seed, perSeed.size(), spec.seeds().size(),
                    (System.nanoTime() - start) / 1e9, metrics.entrySet().stream()
                            .map(m -> String.format(Locale.ROOT, "%s=%.4f", m.getKey(), m.getValue()))
                            .collect(Collectors.joining(" ")));
        }
        return perSeed;
    }

    private static void write(RunnerOutput output, Path out) throws IOException {
        OutputCheck.output(output);
        Files.writeString(out, PlainJson.write(output));
    }

    /** The two required options, or null when the arguments are anything else. */
    private static Map<String, Path> parseArgs(String[] args) {
        Map<String, Path> options = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].equals("--spec") && !args[i].equals("--out") || options.containsKey(args[i])) {
                return null;
            }
            options.put(args[i], Path.of(args[i + 1]));
        }
        return args.length == 4 && options.size() == 2 ? options : null;
    }
}
