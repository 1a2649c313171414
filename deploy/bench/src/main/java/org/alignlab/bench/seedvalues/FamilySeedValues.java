package org.alignlab.bench.seedvalues;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.alignlab.contracts.events.Split;
import org.alignlab.contracts.families.FamilyCatalogue;
import org.alignlab.contracts.families.FamilyDefinition;
import org.alignlab.contracts.families.FamilyMetric;
import org.alignlab.experiments.ExperimentFamily;
import org.alignlab.experiments.FamiliesMain;
import org.alignlab.experiments.Runner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the real families in this JVM on the {@link SeedPlan} and writes each seed's value of the family's judged metric
 * (from the family catalogue) to a data file that review's calibration on real runs reads.
 */
@Command(name = "family-seed-values", mixinStandardHelpOptions = true,
        description = "Runs each configuration of the calibration plan on N validation and N held-out seeds and writes "
                + "the judged metric per seed (docs/review-calibration.md).")
public final class FamilySeedValues implements Callable<Integer> {

    @Option(names = "--seeds", defaultValue = "40", description = "Seeds per configuration and split "
            + "(default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--out", required = true, description = "The data file to write.")
    Path out;

    @Option(names = "--family", description = "Only this family's configurations (repeatable; default: all).")
    List<String> families;

    @Option(names = "--code-version", defaultValue = "unknown", description = "The commit the code was built from, "
            + "for the file's header (the wrapper script passes git's).")
    String codeVersion;

    private final List<String> arguments;

    private FamilySeedValues(List<String> arguments) {
        this.arguments = arguments;
    }

    public static void main(String[] args) {
        Runner.useOneTorchThreadUnlessTold();
        System.exit(new CommandLine(new FamilySeedValues(List.of(args))).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        PrintStream console = System.out;
        List<SeedPlan.Configuration> plan = SeedPlan.standard(seeds).stream()
                .filter(c -> families == null || families.contains(c.family())).toList();
        if (plan.isEmpty()) {
            throw new CommandLine.ParameterException(new CommandLine(this), "no configuration of family " + families);
        }
        Engine engine = Engine.getInstance();
        List<String> provenance = List.of(
                "Per-seed values of each family's judged metric: the pools review's calibration on real runs draws "
                        + "claims from (docs/review-calibration.md).",
                "Written by: deploy/bench/family-seed-values " + String.join(" ", withoutCodeVersion(arguments)),
                "Code version: " + codeVersion + "; DJL " + Engine.getDjlVersion() + ", " + engine.getEngineName()
                        + " " + engine.getVersion() + ".",
                "Seeds: validation from 1, heldout from 1000001 (review's fresh seeds), " + seeds + " each per "
                        + "configuration; " + SeedPlan.NULL_COPY + " (the defaults again) on the next " + seeds
                        + " of each split. An empty value: the seed reported none.");
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (Writer writer = Files.newBufferedWriter(out)) {
            SeedValuesFile file = new SeedValuesFile(provenance, writer);
            file.writeHeader();
            for (SeedPlan.Configuration configuration : plan) {
                for (Split split : List.of(Split.VALIDATION, Split.HELDOUT)) {
                    run(configuration, split, file, console);
                }
            }
        }
        console.println("wrote " + out);
        return 0;
    }

    /** The wrapper script adds the commit; the command a reader reruns is the rest. */
    public static List<String> withoutCodeVersion(List<String> arguments) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            if (arguments.get(i).equals("--code-version")) {
                i++;
            } else if (!arguments.get(i).startsWith("--code-version=")) {
                kept.add(arguments.get(i));
            }
        }
        return kept;
    }

    private void run(SeedPlan.Configuration configuration, Split split, SeedValuesFile file, PrintStream console)
            throws IOException {
        FamilyDefinition definition = FamilyCatalogue.standard().find(configuration.family()).orElseThrow();
        String metric = definition.judgedMetric().map(FamilyMetric::name)
                .orElseThrow(() -> new IllegalStateException(configuration.family() + " judges no metric"));
        ExperimentFamily family = FamiliesMain.builtIn().find(configuration.family()).orElseThrow();
        Map<String, Object> params = configuration.params();
        List<Double> values = new ArrayList<>();
        long start = System.nanoTime();
        for (int seed : configuration.seeds(split, seeds)) {
            Double value = family.run(params, seed, split).get(metric);
            OptionalDouble written = value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
            file.write(new SeedValue(configuration.family(), configuration.name(), params, split, seed, metric,
                    written));
            if (value != null) {
                values.add(value);
            }
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double sd = Math.sqrt(values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum()
                / Math.max(1, values.size() - 1));
        console.printf(Locale.ROOT, "%s %s %s: %s %.4f (sd %.4f, %d of %d seeds) in %.0f s%n", configuration.family(),
                configuration.name(), split == Split.HELDOUT ? "heldout" : "validation", metric, mean, sd,
                values.size(), seeds, (System.nanoTime() - start) / 1e9);
    }
}
