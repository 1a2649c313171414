package org.alignlab.orchestrator.report;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alignlab.contracts.events.ReviewVerdict;
import org.alignlab.contracts.families.FamilyCatalogue;

/**
 * The answer to a goal's question, one entry per factor it asks about (the factors the researcher named, or else
 * those its question names, as ideation reads them). A claim is about a factor when its candidate changes that
 * factor and nothing else from its baseline; a withdrawn or held claim is no evidence. Per factor:
 * <ul>
 *   <li>SUPPORTED: a claim about it was ACCEPTED (review already adjusted for every claim of the goal); the effect
 *       shown is the largest accepted one;</li>
 *   <li>NOT SUPPORTED: every claim about it was REJECTED, each on evidence (no effect of interest, or harm);</li>
 *   <li>INCONCLUSIVE: otherwise, including when no claim is about it; the effect shown is the claim whose interval
 *       reaches highest, the largest effect the evidence still allows.</li>
 * </ul>
 * Pure.
 */
final class Answers {

    private Answers() {
    }

    /** @param changed the parameters each claim's candidate changes from its baseline, by claim id */
    static List<Report.Answer> of(String family, String question, List<String> namedFactors,
            List<Report.ClaimEntry> claims, Map<UUID, List<String>> changed) {
        boolean named = !namedFactors.isEmpty();
        List<String> factors = named ? namedFactors
                : FamilyCatalogue.standard().find(family).map(f -> f.factorsNamedIn(question)).orElse(List.of());
        return factors.stream().map(factor -> answer(factor, named, claims.stream()
                .filter(c -> !c.withdrawn() && !c.held())
                .filter(c -> List.of(factor).equals(changed.get(c.claimId())))
                .toList())).toList();
    }

    private static Report.Answer answer(String factor, boolean named, List<Report.ClaimEntry> about) {
        if (about.isEmpty()) {
            return new Report.Answer(factor, named, Report.Answer.INCONCLUSIVE, null, null, null,
                    "no reviewed claim changes " + factor + " alone");
        }
        List<Report.ClaimEntry> accepted = about.stream().filter(c -> c.verdict() == ReviewVerdict.ACCEPTED)
                .toList();
        if (!accepted.isEmpty()) {
            Report.ClaimEntry best = accepted.stream().max(Comparator.comparing(c -> Math.abs(c.effect()))).get();
            return answer(factor, named, Report.Answer.SUPPORTED, best, accepted.size() + " of " + about.size()
                    + " claims about " + factor + " ACCEPTED");
        }
        Report.ClaimEntry reach = about.stream().filter(c -> c.interval() != null && c.interval().size() == 2)
                .max(Comparator.comparing(c -> c.interval().get(1))).orElse(about.get(0));
        long rejected = about.stream().filter(c -> c.verdict() == ReviewVerdict.REJECTED).count();
        if (rejected == about.size()) {
            return answer(factor, named, Report.Answer.NOT_SUPPORTED, reach, "all " + about.size() + " claims about "
                    + factor + " REJECTED on evidence (no effect of interest, or harm)");
        }
        return answer(factor, named, Report.Answer.INCONCLUSIVE, reach, "none of " + about.size() + " claims about "
                + factor + " ACCEPTED and " + (about.size() - rejected) + " not REJECTED: not enough evidence either "
                + "way");
    }

    private static Report.Answer answer(String factor, boolean named, String conclusion, Report.ClaimEntry claim,
            String evidence) {
        return new Report.Answer(factor, named, conclusion, claim.rank(), claim.effect(), claim.interval(),
                evidence + "; claim #" + claim.rank() + (claim.change() == null ? "" : " (" + claim.change() + ")"));
    }
}
