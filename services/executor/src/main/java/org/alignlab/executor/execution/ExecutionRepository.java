package org.alignlab.executor.execution;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.json.EventCodec;

/** The {@code executions} table. */
@ApplicationScoped
public class ExecutionRepository implements PanacheRepositoryBase<Execution, UUID> {

    /**
     * Completes the run's row with its result, in the caller's transaction (see {@link ExecutionRecords#finish}).
     *
     * @return false, changing nothing, when the run is no longer RUNNING (closed as abandoned meanwhile)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean finish(ExperimentResult result) {
        Execution execution = findById(result.actionId(), LockModeType.PESSIMISTIC_WRITE);
        if (!Execution.RUNNING.equals(execution.status)) {
            return false;
        }
        execution.status = result.status().name();
        execution.finishedAt = result.finishedAt();
        execution.durationMs = result.durationMs();
        execution.result = EventCodec.encode(result);
        return true;
    }
}
