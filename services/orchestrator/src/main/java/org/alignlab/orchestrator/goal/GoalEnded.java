package org.alignlab.orchestrator.goal;

import java.util.UUID;

/** CDI event fired in the transaction that ends a goal. */
public record GoalEnded(UUID goalId, GoalStatus status) {
}
