package org.alignlab.monitor.gate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.json.EventCodec;

/**
 * Each goal's baseline per family: the first ideation experiment proposing it that the gate allowed. Later proposals
 * of the goal state their changes against it, so the spec rules compare them with its params rather than with the
 * family's defaults.
 */
@ApplicationScoped
class GoalBaselineStore {

    private final EntityManager entities;

    GoalBaselineStore(EntityManager entities) {
        this.entities = entities;
    }

    /** Records {@code action} as its goal's baseline for its family unless the goal already has one. */
    @Transactional(Transactional.TxType.MANDATORY)
    void recordIfFirst(AgentAction action) {
        entities.createNativeQuery("INSERT INTO {h-schema}goal_baselines (goal_id, family, action_id, recorded_at)"
                + " VALUES (?1, ?2, ?3, now()) ON CONFLICT DO NOTHING")
                .setParameter(1, action.goalId())
                .setParameter(2, action.spec().family())
                .setParameter(3, action.id())
                .executeUpdate();
    }

    /** The baseline actions of these goals, every family. Call inside a transaction. */
    List<AgentAction> baselinesOf(Collection<UUID> goalIds) {
        if (goalIds.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<String> payloads = entities.createNativeQuery("SELECT a.payload FROM {h-schema}goal_baselines b"
                + " JOIN {h-schema}actions a ON a.action_id = b.action_id WHERE b.goal_id IN (?1)")
                .setParameter(1, goalIds)
                .getResultList();
        return payloads.stream().map(payload -> EventCodec.decode(payload, AgentAction.class)).toList();
    }
}
