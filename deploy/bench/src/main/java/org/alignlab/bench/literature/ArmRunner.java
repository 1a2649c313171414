package org.alignlab.bench.literature;

import com.sun.management.OperatingSystemMXBean;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alignlab.experiments.ExperimentFamily;
import org.alignlab.experiments.Families;

/** Runs an arm's family in this JVM, one seed after another, and times it. */
final class ArmRunner {

    private final Families families;
    private final PrintStream console;
    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    ArmRunner(Families families, PrintStream console) {
        this.families = families;
        this.console = console;
    }

    ArmRun run(Arm arm, List<Integer> seeds) {
        ExperimentFamily family = families.find(arm.family())
                .orElseThrow(() -> new IllegalStateException("no family " + arm.family()));
        long cpuStart = os.getProcessCpuTime();
        long wallStart = System.nanoTime();
        List<Map<String, Double>> perSeed = new ArrayList<>();
        for (int seed : seeds) {
            perSeed.add(family.run(arm.params(), seed, LiteraturePlan.SPLIT));
        }
        ArmRun run = new ArmRun(arm, seeds, perSeed, (os.getProcessCpuTime() - cpuStart) / 1e9,
                (System.nanoTime() - wallStart) / 1e9);
        console.printf(Locale.ROOT, "%s %s (%s): %d seeds, %.0f CPU s, %.0f s%n", arm.family(), arm.name(),
                arm.paramsText(), seeds.size(), run.cpuSeconds(), run.wallSeconds());
        return run;
    }
}
