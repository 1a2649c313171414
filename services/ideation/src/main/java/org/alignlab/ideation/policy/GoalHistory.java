package org.alignlab.ideation.policy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Everything ideation has proposed for one goal so far, oldest first. */
public record GoalHistory(List<Trial> trials) {

    public static GoalHistory empty() {
        return new GoalHistory(List.of());
    }

    public Set<String> testedKeys() {
        return trials.stream().map(Trial::configKey).collect(Collectors.toUnmodifiableSet());
    }
}
