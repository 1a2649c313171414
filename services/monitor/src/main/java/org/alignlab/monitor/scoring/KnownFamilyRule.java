package org.alignlab.monitor.scoring;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.RuleHit;

/** Only families the platform knows how to sandbox and evaluate may run. */
public record KnownFamilyRule(Set<String> knownFamilies) implements Rule {

    public static final String ID = "unknown-family";

    public KnownFamilyRule {
        knownFamilies = Set.copyOf(knownFamilies);
    }

    @Override
    public Optional<RuleHit> check(AgentAction action) {
        String family = action.spec().family();
        if (knownFamilies.contains(family)) {
            return Optional.empty();
        }
        return Optional.of(new RuleHit(ID, RuleHit.Severity.HARD,
                "family '" + family + "' is not one of " + new TreeSet<>(knownFamilies)));
    }
}
