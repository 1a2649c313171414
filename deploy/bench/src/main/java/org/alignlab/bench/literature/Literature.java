package org.alignlab.bench.literature;

import ai.djl.engine.Engine;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.alignlab.bench.MachineFacts;
import org.alignlab.bench.seedvalues.FamilySeedValues;
import org.alignlab.experiments.FamiliesMain;
import org.alignlab.experiments.Runner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the three canonical questions of the literature on real runs of the families, in this JVM with one PyTorch
 * thread, and prints beside each published qualitative result what the runs found, with 95 % intervals and a verdict
 * (docs/science.md).
 */
@Command(name = "literature", mixinStandardHelpOptions = true,
        description = "Runs each question's arms on N fresh held-out seeds and prints, per question, the published "
                + "results beside what AlignLab found (docs/science.md).")
public final class Literature implements Callable<Integer> {

    @Option(names = "--seeds", defaultValue = "100", description = "Seeds per arm (default: ${DEFAULT-VALUE}; about "
            + "10 CPU minutes for all three questions).")
    int seeds;

    @Option(names = "--out", description = "Also write the report to this file.")
    Path out;

    @Option(names = "--question", description = "Only this question, by family: weak-to-strong, "
            + "reward-overoptimization, linear-probe (repeatable; default: all).")
    List<String> questions;

    @Option(names = "--code-version", defaultValue = "unknown", description = "The commit the code was built from "
            + "(the wrapper script passes git's).")
    String codeVersion;

    private final List<String> arguments;

    private Literature(List<String> arguments) {
        this.arguments = arguments;
    }

    public static void main(String[] args) {
        Runner.useOneTorchThreadUnlessTold();
        System.exit(new CommandLine(new Literature(List.of(args))).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        if (seeds < 2) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--seeds must be at least 2 for an "
                    + "interval, got " + seeds);
        }
        List<Question> selected = LiteraturePlan.select(questions);
        List<Integer> seedList = LiteraturePlan.seeds(seeds);
        ArmRunner runner = new ArmRunner(FamiliesMain.builtIn(), System.err);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long wallStart = System.nanoTime();
        List<String> sections = new ArrayList<>();
        for (Question question : selected) {
            Map<String, ArmRun> runs = new LinkedHashMap<>();
            question.arms().forEach(arm -> runs.put(arm.name(), runner.run(arm, seedList)));
            sections.add(ScienceReport.section(question, runs));
        }
        Engine engine = Engine.getInstance();
        List<String> provenance = List.of(
                "Written by: `deploy/bench/literature "
                        + String.join(" ", FamilySeedValues.withoutCodeVersion(arguments)) + "`",
                "Code version: " + codeVersion + "; DJL " + Engine.getDjlVersion() + ", " + engine.getEngineName()
                        + " " + engine.getVersion() + ", one PyTorch thread.",
                String.format(Locale.ROOT, "Seeds: %,d–%,d on the held-out split, the same in every arm "
                        + "(comparisons are paired by seed); 95 %% Student t intervals.", seedList.get(0),
                        seedList.get(seedList.size() - 1)),
                String.format(Locale.ROOT, "Run time: %.0f CPU s, %.0f s of wall time, on %s; load average at the "
                        + "end %s.", (os.getProcessCpuTime() - cpuStart) / 1e9, (System.nanoTime() - wallStart) / 1e9,
                        MachineFacts.describe(), MachineFacts.loadAverage()));
        String report = ScienceReport.header(provenance) + String.join("", sections);
        System.out.print(report);
        if (out != null) {
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(out, report);
        }
        return 0;
    }
}
