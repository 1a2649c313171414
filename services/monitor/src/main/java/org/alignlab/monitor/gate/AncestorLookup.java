package org.alignlab.monitor.gate;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.monitor.scoring.Lineage;
import org.alignlab.monitor.scoring.Lineage.Ancestor;

/**
 * The parents a batch of actions names, with the gate's verdict on each: two queries per batch, however many
 * actions. Only decided actions count: a parent is decided and its result in before any child can exist, so an
 * action whose parent is in the same batch, or nowhere, names a parent the platform never ran.
 */
@ApplicationScoped
class AncestorLookup {

    private final ActionRecordRepository actions;
    private final VerdictRepository verdicts;
    private final GoalBaselineStore goalBaselines;

    AncestorLookup(ActionRecordRepository actions, VerdictRepository verdicts, GoalBaselineStore goalBaselines) {
        this.actions = actions;
        this.verdicts = verdicts;
        this.goalBaselines = goalBaselines;
    }

    /**
     * The parents the batch names and the baselines of its ideation experiments' goals: those the gate allowed
     * before, then those the batch itself proposes, since ideation proposes a round's baseline together with the
     * experiments that state their changes against it. Call in a transaction.
     */
    Lineage lineageOf(Collection<AgentAction> batch) {
        Set<UUID> experimentGoals = batch.stream()
                .filter(action -> action.agent() == Agent.IDEATION && action.type() == ActionType.RUN_EXPERIMENT)
                .map(AgentAction::goalId).collect(Collectors.toSet());
        List<AgentAction> baselines = new ArrayList<>(goalBaselines.baselinesOf(experimentGoals));
        batch.stream().filter(Lineage::proposesGoalBaseline).forEach(baselines::add);
        return Lineage.of(parentsOf(batch), baselines);
    }

    private List<Ancestor> parentsOf(Collection<AgentAction> batch) {
        Set<UUID> parentIds = batch.stream().map(AgentAction::parentActionId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        if (parentIds.isEmpty()) {
            return List.of();
        }
        Map<UUID, Verdict> verdictById = verdicts.find("actionId in ?1", parentIds).list().stream()
                .map(StoredVerdict::verdict).collect(Collectors.toMap(Verdict::actionId, Function.identity()));
        return actions.find("actionId in ?1", parentIds).list().stream()
                .map(ActionRecord::action)
                .filter(parent -> verdictById.containsKey(parent.id()))
                .map(parent -> {
                    Verdict verdict = verdictById.get(parent.id());
                    return new Ancestor(parent, Optional.of(verdict.decision()),
                            Optional.ofNullable(verdict.replacementActionId()));
                }).toList();
    }
}
