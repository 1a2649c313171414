package org.alignlab.trustedmonitor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Regenerates the trusted monitor model: builds the labelled corpus, trains, and writes the weights and
 * {@code metadata.json} into a model folder (see models/trusted-monitor/README.md).
 *
 * <pre>
 * TrainTrustedMonitor --out DIR [--seed N] [--scale X] [--held-out CATEGORY]
 * </pre>
 * Defaults: seed 7, scale 1 (the shipped corpus), held-out category {@code sabotage}. The same arguments give the
 * same weights, byte for byte.
 */
public final class TrainTrustedMonitor {

    static final long DEFAULT_SEED = 7;
    static final AttackCategory DEFAULT_HELD_OUT = AttackCategory.SABOTAGE;

    private TrainTrustedMonitor() {
    }

    public static void main(String[] args) throws Exception {
        Path out = null;
        long seed = DEFAULT_SEED;
        double scale = 1;
        AttackCategory heldOut = DEFAULT_HELD_OUT;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--out" -> out = Path.of(required(args[i], value));
                case "--seed" -> seed = Long.parseLong(required(args[i], value));
                case "--scale" -> scale = Double.parseDouble(required(args[i], value));
                case "--held-out" -> heldOut = category(required(args[i], value));
                default -> usage("unknown argument " + args[i]);
            }
            i++;
        }
        if (out == null) {
            usage("--out is required");
        }
        ModelCard card = MonitorModelBuilder.build(out.toAbsolutePath(), TrainingSettings.standard(seed), scale,
                heldOut);
        System.out.println("wrote " + out.resolve(card.metadata().weights()) + " (version "
                + card.metadata().version() + ")");
        System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(card.evaluation()));
    }

    private static AttackCategory category(String slug) {
        for (AttackCategory category : AttackCategory.values()) {
            if (category.slug().equals(slug.toLowerCase(Locale.ROOT))) {
                return category;
            }
        }
        usage("unknown category " + slug);
        return null;
    }

    private static String required(String flag, String value) {
        if (value == null) {
            usage(flag + " needs a value");
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: TrainTrustedMonitor --out DIR [--seed N] [--scale X] [--held-out CATEGORY]");
        System.exit(2);
    }
}
