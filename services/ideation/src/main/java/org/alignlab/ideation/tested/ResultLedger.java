package org.alignlab.ideation.tested;

import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.alignlab.contracts.SpanAttributes;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.json.Json;
import org.jboss.logging.Logger;

/**
 * Files the outcome of ideation's own actions next to their configurations. Results of any other action (the
 * reviewer's held-out replications, the monitor's trusted replacements) are dropped unread: ideation learns from
 * validation metrics only, so it cannot fit its proposals to the held-out data the reviewer judges them on.
 */
@ApplicationScoped
public class ResultLedger {

    private static final Logger LOG = Logger.getLogger(ResultLedger.class);

    @Inject
    TestedConfigRepository repository;

    /** Idempotent: a redelivered result writes the same outcome again. */
    @Transactional
    public void record(ExperimentResult result) {
        Span.current()
                .setAttribute(SpanAttributes.GOAL_ID, result.goalId().toString())
                .setAttribute(SpanAttributes.ACTION_ID, result.actionId().toString());
        repository.findByIdOptional(result.actionId()).ifPresentOrElse(tested -> {
            tested.status = result.status().name();
            tested.metricsJson = Json.write(result.metrics());
            tested.resultAt = Instant.now();
        }, () -> LOG.debugf("result of action %s is not an ideation proposal; ignored", result.actionId()));
    }
}
