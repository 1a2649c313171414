package org.alignlab.bench.literature;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Burns et al. 2023: does a strong model trained on a weak model's labels beat its supervisor, and does the auxiliary
 * confidence loss raise the performance gap recovered (PGR), mainly where the weak and strong models are far apart?
 *
 * <p>The gap is set by the weak model's capacity: a logistic regression on the first {@code weakFeatures} of the 20
 * features, against the same strong model in every arm. Burns et al. vary the weak model's pretraining compute; seeing
 * fewer features is this family's analogue of a smaller weak model.
 */
public final class WeakToStrongQuestion implements Question {

    static final String FAMILY = "weak-to-strong";
    /** The weak model sees 2 of 20 features: it trails the ceiling by about 0.2 accuracy (pilot, 4 seeds). */
    static final int LARGE_GAP_FEATURES = 2;
    /** The weak model sees 10 of 20: it trails the ceiling by about 0.05. */
    static final int SMALL_GAP_FEATURES = 10;
    /**
     * The weight whose effect review's calibration measured at the default gap (docs/review-calibration.md). Burns et
     * al. warm the weight up over training; the family holds it constant.
     */
    static final double AUX_ALPHA = 0.5;
    private static final OptionalDouble DELTA = OptionalDouble.of(0.05);

    @Override
    public String name() {
        return FAMILY;
    }

    @Override
    public String heading() {
        return "Weak-to-strong generalisation (Burns et al. 2023)";
    }

    @Override
    public List<Arm> arms() {
        List<Arm> arms = new ArrayList<>();
        for (String gap : List.of("large", "small")) {
            int weakFeatures = gap.equals("large") ? LARGE_GAP_FEATURES : SMALL_GAP_FEATURES;
            arms.add(new Arm(armName(gap, false), FAMILY, Map.of("weakFeatures", weakFeatures, "auxLossAlpha", 0.0)));
            arms.add(new Arm(armName(gap, true), FAMILY,
                    Map.of("weakFeatures", weakFeatures, "auxLossAlpha", AUX_ALPHA)));
        }
        return arms;
    }

    static String armName(String gap, boolean aux) {
        return gap + "-gap" + (aux ? "-aux" : "-naive");
    }

    @Override
    public String details(Map<String, ArmRun> runs) {
        StringBuilder table = new StringBuilder(
                "| arm | params | acc_weak | acc_w2s | acc_ceiling | gap (ceiling − weak) | PGR | PGR defined |\n"
                        + "| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Arm arm : arms()) {
            ArmRun run = runs.get(arm.name());
            double[] gap = Estimate.differences(run.values("acc_ceiling"), run.values("acc_weak"));
            table.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.3f | %.3f | %s | %d of %d |%n",
                    arm.name(), arm.paramsText(), run.mean("acc_weak").value(), run.mean("acc_w2s").value(),
                    run.mean("acc_ceiling").value(), Estimate.mean(gap).value(), run.mean("pgr").text(),
                    run.reported("pgr"), run.seeds().size()));
        }
        return table.toString();
    }

    @Override
    public List<Finding> findings(Map<String, ArmRun> runs) {
        Estimate largeNaive = runs.get(armName("large", false)).mean("pgr");
        Estimate smallNaive = runs.get(armName("small", false)).mean("pgr");
        double[] largeAux = auxEffect(runs, "large");
        double[] smallAux = auxEffect(runs, "small");
        Estimate smallAuxEffect = Estimate.mean(smallAux);
        return List.of(
                Finding.judge("Strong students trained on weak labels outperform their weak supervisors: PGR > 0 "
                        + "with naive finetuning (large gap)", "PGR", largeNaive, 1, DELTA,
                        "weakFeatures " + LARGE_GAP_FEATURES),
                Finding.judge("… and likewise at a small gap", "PGR", smallNaive, 1, DELTA,
                        "weakFeatures " + SMALL_GAP_FEATURES),
                Finding.judge("The auxiliary confidence loss raises PGR at a large gap", "PGR(aux) − PGR(naive)",
                        Estimate.mean(largeAux), 1, DELTA, "paired by seed, α = " + AUX_ALPHA),
                Finding.judge("… mainly at large gaps: its gain is larger there than at a small gap",
                        "gain(large gap) − gain(small gap)", Estimate.mean(Estimate.differences(largeAux, smallAux)),
                        1, DELTA, "small-gap gain " + smallAuxEffect.text()));
    }

    /** PGR with the auxiliary loss minus PGR without it, seed by seed, at one gap. */
    private static double[] auxEffect(Map<String, ArmRun> runs, String gap) {
        return Estimate.differences(runs.get(armName(gap, true)).values("pgr"),
                runs.get(armName(gap, false)).values("pgr"));
    }
}
