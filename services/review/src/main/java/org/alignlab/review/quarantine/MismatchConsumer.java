package org.alignlab.review.quarantine;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.EnumSet;
import java.util.Set;
import org.alignlab.contracts.MetricNames;
import org.alignlab.contracts.SpanAttributes;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.AuditEvent;
import org.alignlab.contracts.events.AuditEventType;
import org.alignlab.platform.messaging.ConsumerFailurePolicy;
import org.alignlab.platform.messaging.PoisonRecordException;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code audit.events} (review's own consumer group) for the re-execution audit's {@code RESULT_MISMATCH}
 * (the stored result is not what the action produces) and {@code RESULT_NOT_MEASURED} (no metric of a script
 * moves with the seed) events, under the platform's consumer failure policy. Every other type is the monitor's business and is skipped
 * unread: a reproduced result needs nothing from review, since it was evidence already. A mismatch not signed by the
 * executor is poison, dead-lettered with the reason, and quarantines nothing.
 */
@ApplicationScoped
public class MismatchConsumer {

    private static final Logger LOG = Logger.getLogger(MismatchConsumer.class);
    /** What the re-execution audit reports of a result no claim may rest on. */
    static final Set<AuditEventType> QUARANTINING = EnumSet.of(AuditEventType.RESULT_MISMATCH,
            AuditEventType.RESULT_NOT_MEASURED);

    private final ConsumerFailurePolicy failures;
    private final ExecutorSignature executor;
    private final ResultQuarantine quarantine;
    private final MeterRegistry meters;

    MismatchConsumer(ConsumerFailurePolicy failures, ExecutorSignature executor, ResultQuarantine quarantine,
            MeterRegistry meters) {
        this.failures = failures;
        this.executor = executor;
        this.quarantine = quarantine;
        this.meters = meters;
    }

    /** Registers the counter at 0, so that an alert on its increase sees the first quarantine. */
    void registerCounter(@Observes StartupEvent start) {
        meters.counter(MetricNames.RESULTS_QUARANTINED);
    }

    @Incoming("audit-events")
    @Blocking
    @WithSpan("review.audit-event")
    public void onAuditEvent(String payload) {
        failures.consume(Topics.AUDIT_EVENTS, payload, AuditEvent.class, this::onEvent);
    }

    private void onEvent(AuditEvent event) {
        if (!QUARANTINING.contains(event.type())) {
            return;
        }
        Span.current()
                .setAttribute(SpanAttributes.GOAL_ID, event.goalId().toString())
                .setAttribute(SpanAttributes.ACTION_ID, event.actionId().toString())
                .setAttribute(SpanAttributes.AGENT, "review");
        String notTheExecutors = executor.problem(event);
        if (notTheExecutors != null) {
            throw new PoisonRecordException(notTheExecutors);
        }
        ResultQuarantine.Outcome outcome = quarantine.quarantine(event);
        // Counted once committed: a redelivered mismatch quarantines nothing new.
        if (outcome.quarantined()) {
            meters.counter(MetricNames.RESULTS_QUARANTINED).increment();
            LOG.warnf(
                    "result of action %s (goal %s) quarantined by the re-execution audit (%s); %d review(s) withdrawn",
                    event.actionId(), event.goalId(), event.detail(), outcome.withdrawn().size());
        }
    }
}
