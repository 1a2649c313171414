package org.alignlab.bench.families;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.alignlab.contracts.families.FamilyCatalogue;
import org.alignlab.contracts.families.FamilyDefinition;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.Split;
import org.alignlab.experiments.ExperimentFamily;
import org.alignlab.experiments.FamiliesMain;
import org.alignlab.experiments.Runner;
import org.alignlab.sandbox.RunnerStart;
import org.alignlab.sandbox.bubblewrap.SandboxCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Per family at default sizes: the time per seed computed in this JVM (engine warm, no sandbox), and the same spec
 * run as the executor runs it (staged runner, bubblewrap, cgroups, a fresh JVM). The sandboxed run's overhead is its
 * wall time minus the seeds' own times, which the runner logs; it is reported as a share of the whole run, and a
 * trivial script's run gives the bare cost of sandbox + JVM start for comparison. Each sandboxed run is timed with
 * the runner started fast (class-data archive) and plainly (issue 16), so both are measured in one run.
 */
@Command(name = "family-bench", mixinStandardHelpOptions = true,
        description = "Times each experiment family per seed, in process and in the sandbox (docs/benchmarks.md).")
public final class FamilyBench implements Callable<Integer> {

    /** Every catalogued family with default parameters to time; a script has none. */
    private static final List<String> FAMILIES = FamilyCatalogue.standard().families().stream()
            .filter(family -> !family.agentCode()).map(FamilyDefinition::name).toList();
    /** Generous: the benchmark measures the defaults, it does not test the limits. */
    private static final ResourceRequest LIMITS = new ResourceRequest(1800, 2048, 1800);
    private static final Pattern SEED_LINE = Pattern.compile("seed \\d+ \\(\\d+/\\d+, ([0-9.]+) s\\)");

    @Option(names = "--seeds", defaultValue = "3", description = "Seeds per family (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--out", description = "Also write the Markdown table here.")
    Path out;

    @Option(names = "--repo", description = "The repository root (default: $ALIGNLAB_HOME or the working directory).")
    Path repo;

    @Option(names = "--runner-start", defaultValue = "both", description = "How the sandboxed runner's JVM starts: "
            + "fast (from its class-data archive: as the executor starts it), plain (as before issue 16), or "
            + "both, one after the other per family, in one run (default: ${DEFAULT-VALUE}).")
    Start start;

    /** Which sandboxed runs to time. */
    enum Start {
        fast, plain, both;

        List<Boolean> modes() {
            return this == both ? List.of(false, true) : List.of(this == fast);
        }
    }

    public static void main(String[] args) {
        Runner.useOneTorchThreadUnlessTold();
        System.exit(new CommandLine(new FamilyBench()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        Path root = repo != null ? repo : Path.of(Optional.ofNullable(System.getenv("ALIGNLAB_HOME")).orElse("."));
        Path jar = root.resolve("libs/experiments/target/experiments-0.1.0-SNAPSHOT.jar").toAbsolutePath();
        Path djlCache = Path.of(Optional.ofNullable(System.getenv("DJL_CACHE_DIR"))
                .orElse(root.resolve(".cache/djl").toString())).toAbsolutePath();
        Path workRoot = Path.of(System.getProperty("java.io.tmpdir"), "alignlab-family-bench");
        Path javaHome = Path.of(System.getProperty("java.home"));
        // Archives as the executor keeps them: under the work root, made on first use (untimed), kept for the next run.
        Map<Boolean, SandboxCheck> sandboxes = Map.of(
                false, new SandboxCheck(new SandboxCheck.Setup(jar, djlCache, workRoot, javaHome)),
                true, new SandboxCheck(new SandboxCheck.Setup(jar, djlCache, workRoot, javaHome,
                        RunnerStart.fast(workRoot.resolve("class-data")))));
        List<Boolean> modes = start.modes();
        List<Integer> seedList = IntStream.rangeClosed(1, seeds).boxed().toList();
        PrintStream console = System.out;

        Map<Boolean, Double> bare = new TreeMap<>();
        for (boolean mode : modes) {
            Timing trivial = sandboxed(sandboxes.get(mode), SandboxCheck.scriptSpec(TRIVIAL_SCRIPT, Map.of(),
                    List.of(1), Split.VALIDATION, LIMITS));
            bare.put(mode, trivial.wallSeconds());
            console.printf("bare sandbox + JVM start (trivial script), %s start: %.2f s%n", Row.startName(mode),
                    trivial.wallSeconds());
        }

        List<Row> rows = new ArrayList<>();
        StringBuilder findings = new StringBuilder();
        for (int i = 0; i < FAMILIES.size(); i++) {
            String family = FAMILIES.get(i);
            ExperimentSpec spec = new ExperimentSpec(family, Map.of(), seedList, Split.VALIDATION, LIMITS, null);
            Stats inProcess = Stats.of(inProcess(spec));
            // Alternating which goes first, so neither mode always finds the page cache warmed by the other.
            List<Boolean> order = new ArrayList<>(modes);
            if (i % 2 == 1) {
                Collections.reverse(order);
            }
            Map<Boolean, Row> familyRows = new TreeMap<>();
            Timing last = null;
            for (boolean mode : order) {
                last = sandboxed(sandboxes.get(mode), spec);
                Row row = new Row(family, mode, inProcess, Stats.of(last.seedSeconds()), last.wallSeconds());
                familyRows.put(mode, row);
                console.println(row.markdown());
            }
            rows.addAll(familyRows.values());
            findings.append(MarkdownTable.findings(family, last.metrics()));
        }
        String table = MarkdownTable.render(rows, bare, seeds) + "\n" + findings;
        console.println();
        console.println(table);
        if (out != null) {
            Files.writeString(out, table);
        }
        return 0;
    }

    /** One untimed seed first, so engine start and JIT warm-up are not charged to the family. */
    private static List<Double> inProcess(ExperimentSpec spec) {
        ExperimentFamily family = FamiliesMain.builtIn().find(spec.family()).orElseThrow();
        ExperimentFamily.SeedRun run = family.prepare(spec);
        run.run(0);
        List<Double> seconds = new ArrayList<>();
        for (int seed : spec.seeds()) {
            long start = System.nanoTime();
            run.run(seed);
            seconds.add((System.nanoTime() - start) / 1e9);
        }
        return seconds;
    }

    private static Timing sandboxed(SandboxCheck sandbox, ExperimentSpec spec) throws IOException {
        SandboxCheck.Result result = sandbox.run(spec);
        if (result.outcome().status() != ExperimentStatus.SUCCEEDED) {
            throw new IllegalStateException(spec.family() + " did not succeed in the sandbox: "
                    + result.outcome().reason());
        }
        List<Double> seedSeconds = new ArrayList<>();
        Matcher matcher = SEED_LINE.matcher(result.run().stderrTail());
        while (matcher.find()) {
            seedSeconds.add(Double.parseDouble(matcher.group(1)));
        }
        return new Timing(result.run().duration().toMillis() / 1000.0, seedSeconds,
                result.outcome().output().metrics());
    }

    /** @param metrics the sandboxed run's aggregated metrics: what the family shows at its defaults */
    private record Timing(double wallSeconds, List<Double> seedSeconds, Map<String, Double> metrics) {
    }

    private static final String TRIVIAL_SCRIPT = """
            import org.alignlab.experiments.script.Experiment;
            import org.alignlab.experiments.script.ScriptContext;

            public class Nothing implements Experiment {
                @Override
                public void run(ScriptContext ctx) {
                    ctx.report("one", 1);
                }
            }
            """;
}
