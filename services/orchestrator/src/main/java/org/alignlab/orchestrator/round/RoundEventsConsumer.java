package org.alignlab.orchestrator.round;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.alignlab.contracts.SpanAttributes;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.InvalidEventException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes what downstream services say about a goal's actions. A schema-invalid message is nacked and goes
 * to the topic's dead-letter queue; any other failure (database down) is retried until it succeeds, because
 * the dead-letter queue commits the offset and the evidence would be lost. The retry policy is declared once,
 * on the class, and applies to every handler.
 */
@ApplicationScoped
@Retry(maxRetries = -1, delay = 1, delayUnit = ChronoUnit.SECONDS, maxDuration = 3650,
        durationUnit = ChronoUnit.DAYS, abortOn = InvalidEventException.class)
public class RoundEventsConsumer {

    private final RoundService rounds;

    RoundEventsConsumer(RoundService rounds) {
        this.rounds = rounds;
    }

    @Incoming("agent-actions")
    @Blocking
    @WithSpan("orchestrator.action")
    public void onAction(String payload) {
        AgentAction action = EventCodec.decode(payload, AgentAction.class);
        tag(action.goalId(), action.id());
        rounds.onAction(action);
    }

    @Incoming("monitor-verdicts")
    @Blocking
    @WithSpan("orchestrator.verdict")
    public void onVerdict(String payload) {
        Verdict verdict = EventCodec.decode(payload, Verdict.class);
        tag(verdict.goalId(), verdict.actionId());
        rounds.onVerdict(verdict, currentTraceId());
    }

    @Incoming("experiment-results")
    @Blocking
    @WithSpan("orchestrator.result")
    public void onResult(String payload) {
        ExperimentResult result = EventCodec.decode(payload, ExperimentResult.class);
        tag(result.goalId(), result.actionId());
        rounds.onResult(result);
    }

    @Incoming("reviews")
    @Blocking
    @WithSpan("orchestrator.review")
    public void onReview(String payload) {
        Review review = EventCodec.decode(payload, Review.class);
        tag(review.goalId(), review.claimId());
        rounds.onReview(review);
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
