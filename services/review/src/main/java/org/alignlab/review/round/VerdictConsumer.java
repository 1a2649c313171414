package org.alignlab.review.round;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.InvalidEventException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code monitor.verdicts}: a blocked or deferred action will never bring its own result, and review must
 * know that to settle a round. Invalid ⇒ {@code monitor.verdicts.dlq}; anything else is retried.
 */
@ApplicationScoped
public class VerdictConsumer {

    private final ReviewFlow flow;

    public VerdictConsumer(ReviewFlow flow) {
        this.flow = flow;
    }

    @Incoming("monitor-verdicts")
    @Blocking
    @WithSpan("review.verdict")
    @Retry(maxRetries = -1, delay = 1, delayUnit = ChronoUnit.SECONDS, maxDuration = 3650,
            durationUnit = ChronoUnit.DAYS, abortOn = InvalidEventException.class)
    public void onVerdict(String payload) {
        flow.onVerdict(EventCodec.decode(payload, Verdict.class));
    }
}
