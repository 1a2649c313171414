package org.alignlab.monitor.scoring;

import java.util.List;
import java.util.Optional;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.RuleHit;

/** Runs every static rule over an action and returns what matched, in rule order. */
public class RuleScorer {

    private final List<Rule> rules;

    public RuleScorer(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<RuleHit> score(AgentAction action) {
        return rules.stream().map(rule -> rule.check(action)).flatMap(Optional::stream).toList();
    }
}
