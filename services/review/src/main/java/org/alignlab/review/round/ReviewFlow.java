package org.alignlab.review.round;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.alignlab.contracts.MetricNames;
import org.alignlab.contracts.SpanAttributes;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.events.Verdict;

/**
 * One incoming event: record it and advance its round in one transaction, which also queues what it decided on the
 * outbox (sent by the platform's relay once it commits), then count the reviews decided.
 */
@ApplicationScoped
public class ReviewFlow {

    @Inject
    GoalEvents events;
    @Inject
    MeterRegistry meters;

    public void onAction(AgentAction action) {
        tag(action.goalId(), action.id());
        count(events.action(action));
    }

    public void onVerdict(Verdict verdict) {
        tag(verdict.goalId(), verdict.actionId());
        count(events.verdict(verdict));
    }

    public void onResult(ExperimentResult result) {
        tag(result.goalId(), result.actionId());
        count(events.result(result));
    }

    public void onQuietRound(UUID goalId, int round) {
        count(events.round(goalId, round));
    }

    public void onOrphan(UUID actionId, UUID goalId) {
        count(events.orphan(actionId, goalId));
    }

    private void count(List<Review> decided) {
        // Counted when committed: a redelivered event re-sends but decides nothing new.
        decided.forEach(review -> meters.counter(MetricNames.REVIEWS_PUBLISHED, MetricNames.TAG_VERDICT,
                review.verdict().name()).increment());
    }

    private static void tag(UUID goalId, UUID actionId) {
        Span.current()
                .setAttribute(SpanAttributes.GOAL_ID, goalId.toString())
                .setAttribute(SpanAttributes.ACTION_ID, actionId.toString())
                .setAttribute(SpanAttributes.AGENT, "review");
    }
}
