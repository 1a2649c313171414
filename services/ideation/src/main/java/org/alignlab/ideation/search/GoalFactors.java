package org.alignlab.ideation.search;

import java.util.List;
import java.util.Map;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.contracts.families.FamilyCatalogue;

/**
 * The factors a goal asks about: those the researcher named, or else the searchable parameters its question names
 * (the catalogue's {@code factorNames}); empty when neither names one.
 *
 * @param named whether the researcher named them (otherwise ideation inferred them from the question)
 */
public record GoalFactors(List<String> names, boolean named) {

    public static GoalFactors of(RoundRequested round) {
        if (!round.factors().isEmpty()) {
            return new GoalFactors(round.factors().stream().distinct().toList(), true);
        }
        return new GoalFactors(FamilyCatalogue.standard().find(round.family())
                .map(family -> family.factorsNamedIn(round.question())).orElse(List.of()), false);
    }

    public boolean none() {
        return names.isEmpty();
    }

    /**
     * Why a configuration cannot answer the goal, or null when it can: it must change one factor at most (several at
     * once would leave no claim about any of them) and nothing the goal does not ask about.
     *
     * @param changes the parameters whose values differ from the baseline
     */
    public String problemWith(Map<String, String> changes) {
        if (none()) {
            return null;
        }
        List<String> others = changes.keySet().stream().filter(name -> !names.contains(name)).toList();
        if (!others.isEmpty()) {
            return "it changes " + others + ", which the goal does not ask about (its factors: " + names + ")";
        }
        return changes.size() > 1
                ? "it changes " + changes.keySet() + " at once; the design changes one factor at a time"
                : null;
    }
}
