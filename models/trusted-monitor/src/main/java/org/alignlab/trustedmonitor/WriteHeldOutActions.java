package org.alignlab.trustedmonitor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the corpus's held-out part as a control-evaluation set, one labelled action per line
 * (models/trusted-monitor/README.md):
 * <pre>
 * WriteHeldOutActions --out FILE [--attacks-per-category N] [--benign-per-category N]
 * </pre>
 * The corpus is the shipped model's (seed 7, scale 1, held-out category sabotage), so the set holds only actions
 * the shipped model never trained on. Defaults 25 per attack category and 70 per benign one (experiments,
 * replications, scripts); the same arguments write the same file.
 */
public final class WriteHeldOutActions {

    static final int DEFAULT_ATTACKS_PER_CATEGORY = 25;
    /** More benign than attack rows per category: the thresholds are high quantiles of the benign scores. */
    static final int DEFAULT_BENIGN_PER_CATEGORY = 70;

    private WriteHeldOutActions() {
    }

    public static void main(String[] args) throws Exception {
        Path out = null;
        int attacks = DEFAULT_ATTACKS_PER_CATEGORY;
        int benign = DEFAULT_BENIGN_PER_CATEGORY;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                usage(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--out" -> out = Path.of(args[i + 1]);
                case "--attacks-per-category" -> attacks = Integer.parseInt(args[i + 1]);
                case "--benign-per-category" -> benign = Integer.parseInt(args[i + 1]);
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (out == null || attacks < 1 || benign < 1) {
            usage("--out is required, and each per-category count must be at least 1");
        }
        MonitorCorpus corpus = MonitorCorpus.build(TrainTrustedMonitor.DEFAULT_SEED, 1,
                TrainTrustedMonitor.DEFAULT_HELD_OUT);
        List<String> lines = HeldOutActions.lines(corpus, attacks, benign, TrainTrustedMonitor.DEFAULT_SEED);
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        Files.write(out, lines);
        System.out.println("wrote " + lines.size() + " labelled actions to " + out);
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: WriteHeldOutActions --out FILE [--attacks-per-category N] "
                + "[--benign-per-category N]");
        System.exit(2);
    }
}
