package org.alignlab.ideation.proposal;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Locale;
import org.alignlab.contracts.SpanAttributes;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.platform.outbox.Outbox;

/**
 * The one publisher of {@code agent.actions} in ideation: queues an action on the platform outbox inside the
 * transaction that stores it, so the action is sent (by the outbox relay) only once it is committed, and is sent
 * then even if ideation stops meanwhile.
 */
@ApplicationScoped
public class ActionPublisher {

    @Inject
    Outbox outbox;

    /**
     * Each action gets its own span, and the outbox keeps it with the row: the message the relay sends continues
     * it, so the action's trace starts here and follows it through the monitor.
     */
    @WithSpan("ideation publish action")
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(AgentAction action) {
        Span.current()
                .setAttribute(SpanAttributes.GOAL_ID, action.goalId().toString())
                .setAttribute(SpanAttributes.ACTION_ID, action.id().toString())
                .setAttribute(SpanAttributes.AGENT, action.agent().name().toLowerCase(Locale.ROOT));
        outbox.add(Topics.AGENT_ACTIONS, action.goalId().toString(), action);
    }
}
