package org.alignlab.orchestrator.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.alignlab.orchestrator.goal.Goal;

/**
 * Appends a goal's progress events. Runs in the caller's transaction, which holds the goal's lock, so the numbers
 * of one goal's events have no gaps and follow the order in which the goal changed; nothing is appended to a goal
 * that has already ended, so its {@code goal-ended} event stays the last.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ProgressLog {

    @Inject
    GoalEventRepository events;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;

    /**
     * @param data the event's own fields; every event also carries the goal's {@code goalId}, {@code seq},
     *             {@code round} and {@code status}
     */
    public void append(Goal goal, ProgressType type, Map<String, ?> data) {
        if (type != ProgressType.GOAL_ENDED && !goal.isRunning()) {
            return;
        }
        long seq = goal.nextEventSeq();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("goalId", goal.id());
        body.put("seq", seq);
        body.put("type", type.wireName());
        body.put("round", goal.round());
        body.put("status", goal.status());
        body.putAll(data);
        try {
            events.persist(new GoalEvent(goal.id(), seq, type.wireName(), mapper.writeValueAsString(body),
                    clock.instant()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a progress event of goal " + goal.id(), e);
        }
    }
}
