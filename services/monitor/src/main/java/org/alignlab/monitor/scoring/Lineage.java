package org.alignlab.monitor.scoring;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.Decision;

/**
 * What the gate has seen that an action builds on: the actions it may name as its parent (every parent passed the
 * gate before its child could exist), with the decision taken where that is known, and its goal's baseline, which
 * its hypothesis states its changes against.
 */
@FunctionalInterface
public interface Lineage {

    Optional<Ancestor> find(UUID actionId);

    /** The goal's baseline experiment of this family, where the gate has seen one. */
    default Optional<AgentAction> goalBaseline(UUID goalId, String family) {
        return Optional.empty();
    }

    /**
     * An action the gate saw. {@code decision} and {@code replacementId} are empty where the gate's decision is not
     * known (a control-evaluation set carries actions, not verdicts).
     */
    record Ancestor(AgentAction action, Optional<Decision> decision, Optional<UUID> replacementId) {

        public static Ancestor undecided(AgentAction action) {
            return new Ancestor(action, Optional.empty(), Optional.empty());
        }
    }

    /** Whether {@code action} is ideation proposing its goal's baseline ("Tests: the baseline, ..."). */
    static boolean proposesGoalBaseline(AgentAction action) {
        return action.agent() == Agent.IDEATION && action.type() == ActionType.RUN_EXPERIMENT
                && HypothesisClaim.of(action.hypothesis()).map(HypothesisClaim::baseline).orElse(false);
    }

    /** Exactly these ancestors, by action id, and no goal baseline. */
    static Lineage of(Collection<Ancestor> ancestors) {
        return of(ancestors, List.of());
    }

    /** These ancestors by action id, and these goals' baselines (the first of each goal and family counts). */
    static Lineage of(Collection<Ancestor> ancestors, Collection<AgentAction> goalBaselines) {
        Map<UUID, Ancestor> byId = new LinkedHashMap<>();
        ancestors.forEach(ancestor -> byId.putIfAbsent(ancestor.action().id(), ancestor));
        Map<String, AgentAction> baselines = new LinkedHashMap<>();
        goalBaselines.forEach(baseline -> baselines.putIfAbsent(key(baseline.goalId(), baseline.spec().family()),
                baseline));
        return new Lineage() {
            @Override
            public Optional<Ancestor> find(UUID actionId) {
                return Optional.ofNullable(byId.get(actionId));
            }

            @Override
            public Optional<AgentAction> goalBaseline(UUID goalId, String family) {
                return Optional.ofNullable(baselines.get(key(goalId, family)));
            }
        };
    }

    /**
     * Actions whose decisions are not known here: a labelled set, or a test. Each goal's baseline is the first of
     * them proposing it.
     */
    static Lineage ofActions(Collection<AgentAction> actions) {
        return of(actions.stream().map(Ancestor::undecided).toList(),
                actions.stream().filter(Lineage::proposesGoalBaseline).toList());
    }

    private static String key(UUID goalId, String family) {
        return goalId + "/" + family;
    }
}
