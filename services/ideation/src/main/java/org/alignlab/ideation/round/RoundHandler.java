package org.alignlab.ideation.round;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import org.alignlab.contracts.MetricNames;
import org.alignlab.contracts.SpanAttributes;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.ideation.proposal.ActionPublisher;
import org.alignlab.ideation.proposal.ProposalBook;

/**
 * One round: decide (or recall) its actions, then publish them. Publishing happens after the proposals are
 * committed, so every published action id is already stored and a redelivery re-publishes the same ids.
 */
@ApplicationScoped
public class RoundHandler {

    static final String TAG_POLICY = "policy";

    private final ProposalBook book;
    private final ActionPublisher publisher;
    private final MeterRegistry meters;

    public RoundHandler(ProposalBook book, ActionPublisher publisher, MeterRegistry meters) {
        this.book = book;
        this.publisher = publisher;
        this.meters = meters;
    }

    public void handle(RoundRequested round) {
        Span.current()
                .setAttribute(SpanAttributes.GOAL_ID, round.goalId().toString())
                .setAttribute(SpanAttributes.AGENT, "ideation");
        ProposalBook.RoundActions decided = book.actionsFor(round);
        if (decided.fresh()) {
            // Counted when committed, not when published: a redelivered round re-publishes but proposes nothing.
            decided.actions().forEach(action ->
                    meters.counter(MetricNames.ACTIONS_PROPOSED, TAG_POLICY, action.policy()).increment());
        }
        for (AgentAction action : decided.actions()) {
            publisher.publish(action);
        }
    }
}
