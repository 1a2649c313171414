package org.alignlab.ideation.round;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.alignlab.contracts.MetricNames;
import org.alignlab.contracts.SpanAttributes;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.ideation.proposal.ProposalBook;

/**
 * One round: decide its actions, which are stored and queued on the outbox in one transaction and sent by the
 * outbox relay once it commits; every sent action id is therefore stored, and a redelivered round sends nothing new.
 */
@ApplicationScoped
public class RoundHandler {

    static final String TAG_POLICY = "policy";

    @Inject
    ProposalBook book;
    @Inject
    MeterRegistry meters;

    public void handle(RoundRequested round) {
        Span.current()
                .setAttribute(SpanAttributes.GOAL_ID, round.goalId().toString())
                .setAttribute(SpanAttributes.AGENT, "ideation");
        // Counted once committed: a redelivered round proposes nothing.
        book.propose(round).forEach(
                action -> meters.counter(MetricNames.ACTIONS_PROPOSED, TAG_POLICY, action.policy()).increment());
    }
}
