package org.alignlab.bench.literature;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Hewitt and Liang 2019: at which layer is the concept linearly decodable, and does a linear probe's accuracy on the
 * control task (random labels per input type) stay low, so that selectivity = concept accuracy − control accuracy is
 * high? Their layer result: probes on ELMo's first layer are slightly more accurate on part-of-speech tagging than on
 * its second, but those on the second are substantially more selective. Here the layers are the network's input,
 * first and second hidden layer (the family's defaults).
 */
public final class ProbeQuestion implements Question {

    static final String FAMILY = "linear-probe";
    static final String ARM = "defaults";
    static final List<String> LAYERS = List.of("input", "hidden1", "hidden2");
    /** The catalogue's smallest effect of interest for selectivity_hidden1, applied to selectivity at any layer. */
    private static final OptionalDouble SELECTIVITY_DELTA = OptionalDouble.of(0.05);

    @Override
    public String name() {
        return FAMILY;
    }

    @Override
    public String heading() {
        return "Probing with control tasks (Hewitt and Liang 2019)";
    }

    @Override
    public List<Arm> arms() {
        return List.of(new Arm(ARM, FAMILY, Map.of()));
    }

    @Override
    public String details(Map<String, ArmRun> runs) {
        ArmRun run = runs.get(ARM);
        StringBuilder table = new StringBuilder("| layer | concept accuracy | control accuracy | selectivity "
                + "| seeds whose concept accuracy peaks here |\n| --- | --- | --- | --- | --- |\n");
        for (String layer : LAYERS) {
            table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d of %d |%n", layer,
                    run.mean("concept_acc_" + layer).text(), run.mean("control_acc_" + layer).text(),
                    run.mean("selectivity_" + layer).text(), peaksAt(run, layer), run.seeds().size()));
        }
        return table.toString();
    }

    @Override
    public List<Finding> findings(Map<String, ArmRun> runs) {
        ArmRun run = runs.get(ARM);
        return List.of(
                Finding.judge("A linear probe decodes the property from the model's hidden layers (here against "
                        + "the input, where the concept is a parity no linear probe can read)",
                        "concept accuracy, hidden2 − input",
                        difference(run, "concept_acc_hidden2", "concept_acc_input"), 1, OptionalDouble.empty(),
                        String.format(Locale.ROOT, "peaks at hidden2 in %d of %d seeds", peaksAt(run, "hidden2"),
                                run.seeds().size())),
                Finding.judge("A good linear probe is selective: control accuracy stays well below concept accuracy",
                        "selectivity at hidden2", run.mean("selectivity_hidden2"), 1, SELECTIVITY_DELTA,
                        "control accuracy " + run.mean("control_acc_hidden2").text()),
                Finding.judge("The second layer is substantially more selective than the first",
                        "selectivity, hidden2 − hidden1", difference(run, "selectivity_hidden2", "selectivity_hidden1"),
                        1, SELECTIVITY_DELTA, "paired by seed"),
                Finding.judge("… although the first layer is slightly more accurate",
                        "concept accuracy, hidden1 − hidden2",
                        difference(run, "concept_acc_hidden1", "concept_acc_hidden2"), 1, OptionalDouble.empty(),
                        "paired by seed"));
    }

    private static Estimate difference(ArmRun run, String metric, String minus) {
        return Estimate.mean(Estimate.differences(run.values(metric), run.values(minus)));
    }

    /** Seeds whose concept accuracy is highest at {@code layer} (ties go to the shallower layer). */
    static int peaksAt(ArmRun run, String layer) {
        int count = 0;
        for (Map<String, Double> metrics : run.perSeed()) {
            String best = LAYERS.get(0);
            for (String candidate : LAYERS) {
                if (metrics.get("concept_acc_" + candidate) > metrics.get("concept_acc_" + best)) {
                    best = candidate;
                }
            }
            count += best.equals(layer) ? 1 : 0;
        }
        return count;
    }
}
