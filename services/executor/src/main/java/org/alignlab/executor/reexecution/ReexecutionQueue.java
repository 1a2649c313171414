package org.alignlab.executor.reexecution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.executor.config.ExecutorConfig;
import org.alignlab.executor.execution.Execution;
import org.alignlab.executor.execution.ExecutionRepository;

/** Puts finished runs in line to be run again: those {@link ReexecutionChoice} picks, and those people ask for. */
@ApplicationScoped
public class ReexecutionQueue {

    @Inject
    ReexecutionRepository reexecutions;
    @Inject
    ExecutionRepository executions;
    @Inject
    Clock clock;

    private final ReexecutionChoice choice;

    @Inject
    ReexecutionQueue(ExecutorConfig config) {
        choice = new ReexecutionChoice(config.reexecution().rate(), config.reexecution().everyReplication(),
                new SecureRandom());
    }

    /** In the transaction that records the run's result, so a chosen run never finishes without its re-run queued. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queueIfChosen(AgentAction action, ExperimentResult result) {
        choice.of(action, result).ifPresent(reason -> queue(action.id(), action.goalId(), reason));
    }

    /**
     * Queues a run someone asked to have checked. A re-run already waiting is left as it is; a finished one is queued
     * again.
     *
     * @return the queued row, or empty when the executor has no successful run of this action
     */
    @Transactional
    public Optional<Reexecution> request(UUID actionId) {
        Execution execution = executions.findById(actionId);
        if (execution == null || execution.action == null
                || !ExperimentStatus.SUCCEEDED.name().equals(execution.status)) {
            return Optional.empty();
        }
        Reexecution existing = reexecutions.findById(actionId);
        if (existing != null && isWaiting(existing)) {
            return Optional.of(existing);
        }
        if (existing != null) {
            reexecutions.delete(existing);
            reexecutions.flush();
        }
        return Optional.of(queue(actionId, execution.goalId, Reexecution.Reason.REQUESTED));
    }

    private Reexecution queue(UUID actionId, UUID goalId, Reexecution.Reason reason) {
        Reexecution row = new Reexecution();
        row.actionId = actionId;
        row.goalId = goalId;
        row.reason = reason.name();
        row.status = Reexecution.Status.PENDING.name();
        row.requestedAt = clock.instant();
        reexecutions.persist(row);
        return row;
    }

    private static boolean isWaiting(Reexecution row) {
        return Reexecution.Status.PENDING.name().equals(row.status)
                || Reexecution.Status.RUNNING.name().equals(row.status);
    }
}
