package org.alignlab.review.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.alignlab.contracts.events.Split;
import org.alignlab.contracts.families.FamilyCatalogue;
import org.alignlab.contracts.families.FamilyDefinition;
import org.alignlab.review.claim.ReviewSettings;
import org.junit.jupiter.api.Test;

/**
 * Keeps the reviewer calibrated on claims drawn from real family runs (docs/review-calibration.md, "Calibration on
 * real family runs"): the committed per-seed values of each family's defaults, a null copy of them and configurations
 * with measured effects, planted with the documented plan and seed, so the numbers are exactly the documented ones.
 *
 * <p>Tolerance: 1,000 claims per family and candidate; the Wilson bounds are asserted, not the point rates. Measured:
 * nulls accepted 2.2 %, 2.3 % and 2.7 % (upper bounds 3.3–3.9 %); proxySamples 512 (d = 5.8) accepted 100 % (lower
 * bound 99.6 %), never rejected; the two large losses (d = −2.5, −3.2) rejected for harm every time. The bounds treat
 * the claims as independent, which claims drawn from pools of 40–80 seeds are not: they are exact about these pools
 * and approximate about the family (redrawing the pools moves a null's rate between about 0 and 4 %).
 */
class RealRunCalibrationTest {

    private static final SeedPools POOLS = SeedPools.resource(SeedPools.COMMITTED);
    private static final RealRunReport REPORT = new RealRunCalibration(ReviewSettings.DEFAULTS)
            .run(POOLS, RealRunPlan.defaults());

    @Test
    void theCommittedDataAreRunsOfEveryJudgedFamilyOnFreshHeldoutSeeds() {
        assertThat(POOLS.provenance()).anyMatch(line -> line.startsWith("Written by: deploy/bench/family-seed-values"))
                .anyMatch(line -> line.startsWith("Code version: ") && !line.contains("unknown"));
        List<String> judged = FamilyCatalogue.standard().families().stream()
                .filter(family -> family.judgedMetric().isPresent()).map(FamilyDefinition::name).toList();
        assertThat(POOLS.families()).containsExactlyInAnyOrderElementsOf(judged);
        for (String family : judged) {
            assertThat(POOLS.configurations(family)).contains(SeedPools.BASELINE, SeedPools.NULL_COPY)
                    .hasSizeGreaterThan(2);
            Set<Integer> seeds = new HashSet<>();
            for (String configuration : List.of(SeedPools.BASELINE, SeedPools.NULL_COPY)) {
                SeedPool validation = POOLS.pool(family, configuration, Split.VALIDATION);
                SeedPool heldout = POOLS.pool(family, configuration, Split.HELDOUT);
                assertThat(validation.size()).isGreaterThanOrEqualTo(30);
                assertThat(heldout.size()).isEqualTo(validation.size());
                assertThat(heldout.seeds()).allMatch(seed -> seed > 1_000_000);
                // The copy is the null only if no seed of it repeats one of the defaults (same seed, same value).
                assertThat(seeds.addAll(validation.seeds()) && seeds.addAll(heldout.seeds())).isTrue();
            }
        }
    }

    @Test
    void nullClaimsAreAcceptedAtMostFivePercentOfTheTimeInEveryFamily() {
        for (String family : POOLS.families()) {
            RealClaimTally nulls = REPORT.tally(family, SeedPools.NULL_COPY);

            assertThat(nulls.claims()).isEqualTo(RealRunPlan.defaults().goals());
            assertThat(nulls.acceptedInterval()[1]).as(family).isLessThanOrEqualTo(0.05);
        }
    }

    @Test
    void aLargeKnownGainIsAcceptedAtLeastEightyPercentOfTheTimeAndNeverRejected() {
        RealClaimTally large = REPORT.tally("reward-overoptimization", "proxySamples-512");

        assertThat(large.measured().cohensD()).isGreaterThan(2);
        assertThat(large.acceptedInterval()[0]).isGreaterThanOrEqualTo(0.80);
        assertThat(large.rejected()).isZero();
    }

    @Test
    void noKnownLargeEffectIsDecidedTheWrongWay() {
        // Large: at least three times the smallest effect of interest and two standard deviations, measured on the
        // whole pools. A gain that large must never be REJECTED, a loss that large never ACCEPTED.
        List<RealClaimTally> large = REPORT.tallies().stream().filter(t -> !t.nullClaim())
                .filter(t -> Math.abs(t.measured().gain()) >= 3 * REPORT.facts(t.family()).smallestEffect())
                .filter(t -> Math.abs(t.measured().cohensD()) >= 2).toList();

        assertThat(large).extracting(RealClaimTally::family).contains("reward-overoptimization", "weak-to-strong",
                "linear-probe");
        for (RealClaimTally t : large) {
            if (t.measured().gain() > 0) {
                assertThat(t.rejected()).as(t.candidate()).isZero();
            } else {
                assertThat(t.accepted()).as(t.candidate()).isZero();
                assertThat(t.harm()).as(t.candidate()).isGreaterThan(t.claims() * 8 / 10);
            }
        }
    }

    @Test
    void theBoundsCanFailAReviewerThatIsTooLenient() {
        // At α = 0.3 (and a 70 % bootstrap interval) a null is accepted 12–17 % of the time (measured): the
        // false-positive bound above would fail in every family, so it measures the reviewer, not only the data.
        RealRunReport lenient = new RealRunCalibration(new ReviewSettings(0.3, 0.7, 5, 10, 2000, 0.5))
                .run(POOLS, RealRunPlan.defaults().withGoals(200));

        assertThat(POOLS.families()).allMatch(family -> lenient.tally(family, SeedPools.NULL_COPY)
                .acceptedInterval()[0] > 0.05);
        assertThat(lenient.render()).contains("| weak-to-strong | defaults-copy (null) |");
    }
}
