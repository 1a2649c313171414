package org.alignlab.orchestrator.goal;

import java.util.ArrayList;
import java.util.List;
import org.alignlab.contracts.families.FamilyCatalogue;
import org.alignlab.contracts.families.FamilyDefinition;
import org.alignlab.contracts.problem.Problem;
import org.alignlab.platform.http.ProblemException;

/**
 * The factors a goal names must be parameters the family's search can vary (the catalogue's {@code searchable}):
 * a design can only sweep a factor it has a range for, and a misspelt name must not silently become "no factor".
 */
final class GoalFactors {

    private GoalFactors() {
    }

    /** @return the factors, without repeats; empty when none are named. 400 naming each unknown factor. */
    static List<String> check(String family, List<String> factors) {
        if (factors == null || factors.isEmpty()) {
            return List.of();
        }
        FamilyDefinition definition = FamilyCatalogue.standard().find(family).orElseThrow();
        List<Problem.Violation> violations = new ArrayList<>();
        for (int i = 0; i < factors.size(); i++) {
            if (!definition.searchable().containsKey(factors.get(i))) {
                violations.add(new Problem.Violation("factors[" + i + "]", "'" + factors.get(i) + "' is not a factor "
                        + family + " can vary; its factors are " + definition.searchable().keySet()));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return factors.stream().distinct().toList();
    }
}
