package org.alignlab.review.round;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.InvalidEventException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code agent.actions} (its own consumer group): review must know each action's round, params and seeds
 * to pair candidates with their baseline. Invalid ⇒ {@code agent.actions.dlq}; anything else is retried.
 */
@ApplicationScoped
public class ActionConsumer {

    private final ReviewFlow flow;

    public ActionConsumer(ReviewFlow flow) {
        this.flow = flow;
    }

    @Incoming("agent-actions")
    @Blocking
    @WithSpan("review.action")
    @Retry(maxRetries = -1, delay = 1, delayUnit = ChronoUnit.SECONDS, maxDuration = 3650,
            durationUnit = ChronoUnit.DAYS, abortOn = InvalidEventException.class)
    public void onAction(String payload) {
        flow.onAction(EventCodec.decode(payload, AgentAction.class));
    }
}
