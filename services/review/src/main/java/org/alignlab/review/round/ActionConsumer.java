package org.alignlab.review.round;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.platform.messaging.ConsumerFailurePolicy;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code agent.actions} (its own consumer group): review must know each action's round, params and seeds
 * to pair candidates with their baseline. Under the platform's consumer failure policy: invalid ⇒
 * {@code agent.actions.dlq}, a transient failure is retried.
 */
@ApplicationScoped
public class ActionConsumer {

    private final ReviewFlow flow;
    private final ConsumerFailurePolicy failures;

    public ActionConsumer(ReviewFlow flow, ConsumerFailurePolicy failures) {
        this.flow = flow;
        this.failures = failures;
    }

    @Incoming("agent-actions")
    @Blocking
    @WithSpan("review.action")
    public void onAction(String payload) {
        failures.consume(Topics.AGENT_ACTIONS, payload, AgentAction.class, flow::onAction);
    }
}
