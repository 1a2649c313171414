package org.alignlab.review.round;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.platform.messaging.ConsumerFailurePolicy;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code monitor.verdicts}: a blocked or deferred action will never bring its own result, and review must
 * know that to settle a round. Under the platform's consumer failure policy: invalid ⇒ {@code monitor.verdicts.dlq},
 * a transient failure is retried.
 */
@ApplicationScoped
public class VerdictConsumer {

    private final ReviewFlow flow;
    private final ConsumerFailurePolicy failures;

    public VerdictConsumer(ReviewFlow flow, ConsumerFailurePolicy failures) {
        this.flow = flow;
        this.failures = failures;
    }

    @Incoming("monitor-verdicts")
    @Blocking
    @WithSpan("review.verdict")
    public void onVerdict(String payload) {
        failures.consume(Topics.MONITOR_VERDICTS, payload, Verdict.class, flow::onVerdict);
    }
}
