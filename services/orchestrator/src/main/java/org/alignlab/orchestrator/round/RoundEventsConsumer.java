package org.alignlab.orchestrator.round;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.alignlab.contracts.SpanAttributes;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.platform.messaging.ConsumerFailurePolicy;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes what downstream services say about a goal's actions, each record under the platform's consumer failure
 * policy: a schema-invalid message goes to the topic's dead-letter queue at once; a transient failure (database
 * down) is retried until it succeeds, because the dead-letter queue commits the offset and the evidence would be
 * lost.
 */
@ApplicationScoped
public class RoundEventsConsumer {

    @Inject
    RoundService rounds;
    @Inject
    ConsumerFailurePolicy failures;

    @Incoming("agent-actions")
    @Blocking
    @WithSpan("orchestrator.action")
    public void onAction(String payload) {
        failures.consume(Topics.AGENT_ACTIONS, payload, AgentAction.class, action -> {
            tag(action.goalId(), action.id());
            rounds.onAction(action);
        });
    }

    @Incoming("monitor-verdicts")
    @Blocking
    @WithSpan("orchestrator.verdict")
    public void onVerdict(String payload) {
        failures.consume(Topics.MONITOR_VERDICTS, payload, Verdict.class, verdict -> {
            tag(verdict.goalId(), verdict.actionId());
            rounds.onVerdict(verdict, currentTraceId());
        });
    }

    @Incoming("experiment-results")
    @Blocking
    @WithSpan("orchestrator.result")
    public void onResult(String payload) {
        failures.consume(Topics.EXPERIMENT_RESULTS, payload, ExperimentResult.class, result -> {
            tag(result.goalId(), result.actionId());
            rounds.onResult(result);
        });
    }

    @Incoming("reviews")
    @Blocking
    @WithSpan("orchestrator.review")
    public void onReview(String payload) {
        failures.consume(Topics.REVIEWS, payload, Review.class, review -> {
            tag(review.goalId(), review.claimId());
            rounds.onReview(review);
        });
    }

    /** On the handler's own span: the Kafka receive span has ended by the time a handler runs. */
    private static void tag(UUID goalId, UUID actionId) {
        Span span = Span.current();
        span.setAttribute(SpanAttributes.GOAL_ID, goalId.toString());
        span.setAttribute(SpanAttributes.ACTION_ID, actionId.toString());
    }

    /** The trace this message travelled in (the action's trace), or null when none was propagated. */
    private static String currentTraceId() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }
}
