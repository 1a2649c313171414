package org.alignlab.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** One thing an agent wants to run. Nothing runs until the monitor has audited and allowed it. */
public record AgentAction(
        UUID id,
        UUID goalId,
        int round,
        Agent agent,
        String policy,
        ActionType type,
        UUID parentActionId,
        String hypothesis,
        ExperimentSpec spec,
        Instant createdAt) {
}
