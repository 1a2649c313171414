package org.alignlab.review.calibration;

import java.util.List;
import java.util.Locale;
import org.alignlab.review.claim.ReviewSettings;

/** What the calibration on real runs measured, rendered as the Markdown table docs/review-calibration.md shows. */
public record RealRunReport(RealRunPlan plan, ReviewSettings settings, List<String> provenance,
        List<RealFamilyFacts> families, List<RealClaimTally> tallies) {

    public RealRunReport {
        provenance = List.copyOf(provenance);
        families = List.copyOf(families);
        tallies = List.copyOf(tallies);
    }

    public RealClaimTally tally(String family, String candidate) {
        return tallies.stream().filter(t -> t.family().equals(family) && t.candidate().equals(candidate)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no claims of " + family + " " + candidate));
    }

    public RealFamilyFacts facts(String family) {
        return families.stream().filter(f -> f.family().equals(family)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no family " + family));
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "planted: %d goals per family, each a baseline draw and one claim per "
                + "other configuration judged as one batch; %d validation and %d held-out seeds per arm, disjoint "
                + "within a claim; nulls %s; seed %d%n", plan.goals(), settings.minValidationSeeds(),
                settings.heldoutSeeds(), plan.nullDraw().name().toLowerCase(Locale.ROOT), plan.seed()));
        provenance.forEach(line -> out.append("data: ").append(line).append('\n'));
        for (RealFamilyFacts f : families) {
            out.append(String.format(Locale.ROOT, "%s: %s, δ = %.3g, baseline held-out σ = %.3g (δ = %.2f σ), "
                    + "%d baseline seeds per split, %d seeds without a value%n", f.family(), f.metric(),
                    f.smallestEffect(), f.baselineSd(), f.smallestEffect() / f.baselineSd(), f.baselineSeeds(),
                    f.missing()));
        }
        out.append(
                "\n| family | candidate | measured held-out effect (95 % CI; d; in δ) | claims | ACCEPTED | REJECTED "
                        + "| of which equivalent / harm | INCONCLUSIVE | overfitToProxy |\n");
        out.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (RealClaimTally t : tallies) {
            double delta = facts(t.family()).smallestEffect();
            out.append(String.format(Locale.ROOT, "| %s | %s%s | %+.3f (%+.3f to %+.3f; d = %+.2f; %+.1f δ) | %d | %s "
                    + "| %s | %d / %d | %d | %d |%n", t.family(), t.candidate(), t.nullClaim() ? " (null)" : "",
                    t.measured().gain(), t.measured().interval().get(0), t.measured().interval().get(1),
                    t.measured().cohensD() == null ? 0 : t.measured().cohensD(), t.measured().gain() / delta,
                    t.claims(), rate(t.accepted(), t.claims()), rate(t.rejected(), t.claims()), t.equivalent(),
                    t.harm(), t.inconclusive(), t.overfitToProxy()));
        }
        return out.toString();
    }

    private static String rate(int hits, int n) {
        double[] ci = CalibrationReport.wilson(hits, n);
        return String.format(Locale.ROOT, "%.1f %% (%.1f–%.1f)", 100.0 * hits / n, 100 * ci[0], 100 * ci[1]);
    }
}
