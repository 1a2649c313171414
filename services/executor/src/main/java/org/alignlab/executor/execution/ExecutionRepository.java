package org.alignlab.executor.execution;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.json.EventCodec;
import org.eclipse.microprofile.faulttolerance.Retry;

/** The {@code executions} table. */
@ApplicationScoped
public class ExecutionRepository implements PanacheRepositoryBase<Execution, UUID> {

    /**
     * Completes the run's row. Retried until the database takes it: the action has already run and cannot run
     * again, so giving up would lose its result. The retry wraps the transaction.
     */
    @Retry(maxRetries = -1, delay = 1, delayUnit = ChronoUnit.SECONDS, maxDuration = 3650,
            durationUnit = ChronoUnit.DAYS)
    public void finish(ExperimentResult result) {
        QuarkusTransaction.requiringNew().run(() -> {
            Execution execution = findById(result.actionId());
            execution.status = result.status().name();
            execution.finishedAt = result.finishedAt();
            execution.durationMs = result.durationMs();
            execution.result = EventCodec.encode(result);
        });
    }
}
