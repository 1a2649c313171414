package org.alignlab.review.round;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.SeedMetrics;
import org.alignlab.contracts.events.Split;

/**
 * What review knows of one action: the action itself (null until it arrives), the monitor's latest decision and
 * the result (null until they arrive). Plain data, so round planning is testable without a database.
 */
public record ActionView(UUID id, AgentAction action, Decision decision, UUID replacementId,
        ExperimentResult result, UUID claimId) {

    public boolean known() {
        return action != null;
    }

    public boolean is(Agent agent) {
        return known() && action.agent() == agent;
    }

    public boolean succeeded() {
        return result != null && result.status() == ExperimentStatus.SUCCEEDED;
    }

    public boolean onValidation() {
        return known() && action.spec().split() == Split.VALIDATION;
    }

    public Instant createdAt() {
        return known() ? action.createdAt() : Instant.MAX;
    }

    /**
     * Whether nothing more will come of this action: it has a result, or the monitor blocked it, or deferred it
     * to a trusted replacement that is itself settled. A held action is not settled: a human or the review timeout
     * still decides it.
     */
    public boolean settled(Map<UUID, ActionView> goalActions) {
        if (result != null || decision == Decision.BLOCK) {
            return true;
        }
        if (decision == Decision.DEFER_TO_TRUSTED) {
            if (replacementId == null) {
                return true;
            }
            ActionView replacement = goalActions.get(replacementId);
            return replacement != null && replacement.settled(goalActions);
        }
        return false;
    }

    /** Per-seed values of {@code metric} from a successful run; a seed without a finite value is left out. */
    public List<Double> values(String metric) {
        if (!succeeded() || result.perSeed() == null) {
            return List.of();
        }
        return result.perSeed().stream()
                .map(SeedMetrics::metrics)
                .filter(Objects::nonNull)
                .map(metrics -> metrics.get(metric))
                .filter(value -> value != null && Double.isFinite(value))
                .toList();
    }

    public Map<String, Object> params() {
        return action.spec().params() == null ? Map.of() : action.spec().params();
    }
}
