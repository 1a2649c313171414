package org.alignlab.review.round;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.alignlab.contracts.MetricNames;
import org.alignlab.contracts.SpanAttributes;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.events.Verdict;

/**
 * One incoming event: record it and advance its round (one transaction), count the reviews decided, then send
 * what is pending for the goal. Sending follows the commit, so everything sent is stored.
 */
@ApplicationScoped
public class ReviewFlow {

    private final GoalEvents events;
    private final Outbox outbox;
    private final MeterRegistry meters;

    public ReviewFlow(GoalEvents events, Outbox outbox, MeterRegistry meters) {
        this.events = events;
        this.outbox = outbox;
        this.meters = meters;
    }

    public void onAction(AgentAction action) {
        tag(action.goalId(), action.id());
        settle(action.goalId(), events.action(action));
    }

    public void onVerdict(Verdict verdict) {
        tag(verdict.goalId(), verdict.actionId());
        settle(verdict.goalId(), events.verdict(verdict));
    }

    public void onResult(ExperimentResult result) {
        tag(result.goalId(), result.actionId());
        UUID coveredBefore = events.coveringClaim(result.actionId());
        settle(result.goalId(), events.result(result));
        if (coveredBefore != null) {
            // A redelivered result gets its review again, exactly as stored.
            outbox.resend(coveredBefore);
        }
    }

    public void onQuietRound(UUID goalId, int round) {
        settle(goalId, events.round(goalId, round));
    }

    public void onOrphan(UUID actionId, UUID goalId) {
        settle(goalId, events.orphan(actionId, goalId));
    }

    private void settle(UUID goalId, List<Review> decided) {
        // Counted when committed: a redelivered event re-sends but decides nothing new.
        decided.forEach(review -> meters.counter(MetricNames.REVIEWS_PUBLISHED, MetricNames.TAG_VERDICT,
                review.verdict().name()).increment());
        outbox.flush(goalId);
    }

    private static void tag(UUID goalId, UUID actionId) {
        Span.current()
                .setAttribute(SpanAttributes.GOAL_ID, goalId.toString())
                .setAttribute(SpanAttributes.ACTION_ID, actionId.toString())
                .setAttribute(SpanAttributes.AGENT, "review");
    }
}
