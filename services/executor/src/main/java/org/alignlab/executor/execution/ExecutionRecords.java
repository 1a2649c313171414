package org.alignlab.executor.execution;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import jakarta.persistence.LockModeType;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.AuditEventType;
import org.alignlab.contracts.events.ExecutionTicket;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.executor.reexecution.ReexecutionQueue;
import org.alignlab.executor.ticket.TicketCheck;
import org.alignlab.executor.ticket.TicketCheck.Rejection;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

/**
 * Each step of a ticket's life committed together with the events that report it, through the outbox: the claim
 * with {@code EXECUTION_STARTED}, the finished run with its result and {@code EXECUTION_FINISHED}, a refusal with
 * {@code EXECUTION_REFUSED} and its REFUSED result. So nothing is reported that did not happen, everything that
 * happened is reported (the relay keeps sending until the broker has it), and the relay sends in the order written,
 * so {@code EXECUTION_STARTED} precedes {@code EXECUTION_FINISHED}. Call within the ticket's span: the sent events
 * continue it.
 */
@ApplicationScoped
class ExecutionRecords {

    private static final Logger LOG = Logger.getLogger(ExecutionRecords.class);

    @Inject
    TicketCheck ticketCheck;
    @Inject
    ExecutionRepository executions;
    @Inject
    AuditPublisher audit;
    @Inject
    ResultPublisher results;
    @Inject
    ReexecutionQueue reexecutions;
    @Inject
    Clock clock;

    /** Whether the executor holds a run of this action, in any status. */
    boolean knows(UUID actionId) {
        return QuarkusTransaction.requiringNew().call(() -> executions.findByIdOptional(actionId).isPresent());
    }

    /**
     * Uses the ticket up, records the run as started and queues {@code EXECUTION_STARTED}, committed together before
     * anything runs; or the reason the ticket was already used, with nothing written.
     */
    Optional<Rejection> start(ExecutionTicket ticket, String sandbox, String traceId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<Rejection> replay = ticketCheck.claim(ticket);
            if (replay.isEmpty()) {
                AgentAction action = ticket.action();
                Execution execution = new Execution();
                execution.actionId = action.id();
                execution.ticketId = ticket.ticketId();
                execution.goalId = action.goalId();
                execution.status = Execution.RUNNING;
                execution.sandbox = sandbox;
                execution.startedAt = clock.instant();
                execution.traceId = traceId;
                execution.action = EventCodec.encode(action);
                executions.persist(execution);
                ResourceRequest limits = action.spec().resources();
                audit.publish(action, AuditEventType.EXECUTION_STARTED, "sandbox " + sandbox + ", ticket "
                        + ticket.ticketId() + ", limits cpu " + limits.cpuSeconds() + " s, memory "
                        + limits.memoryMb() + " MB, wall " + limits.wallSeconds() + " s", traceId);
            }
            return replay;
        });
    }

    /**
     * Completes the run's row and queues its result and {@code EXECUTION_FINISHED}. Retried until the database takes
     * them: the action has already run and cannot run again, so giving up would lose its result. A result that cannot
     * be recorded as built (it breaks its schema: a bug, since the factory makes workload output safe) is recorded as
     * FAILED with the reason instead, so the run still ends in a terminal, audited status.
     */
    @Retry(maxRetries = -1, delay = 1, delayUnit = ChronoUnit.SECONDS, maxDuration = 3650,
            durationUnit = ChronoUnit.DAYS)
    void finish(ExecutionTicket ticket, ExperimentResult result, String traceId) {
        try {
            record(ticket, result, traceId);
        } catch (IllegalArgumentException unrecordable) {
            LOG.errorf(unrecordable, "the result of action %s cannot be recorded as built; recording it FAILED",
                    ticket.action().id());
            record(ticket, ResultFactory.unrecordable(result, unrecordable.getMessage()), traceId);
        }
    }

    private void record(ExecutionTicket ticket, ExperimentResult unsigned, String traceId) {
        ExperimentResult result = results.sign(unsigned);
        QuarkusTransaction.requiringNew().run(() -> {
            if (!executions.finish(result)) {
                // Another process took the run over as abandoned and reported it; a second result would contradict it.
                LOG.warnf("the run of action %s was already closed; its late %s result is not reported",
                        ticket.action().id(), result.status());
                return;
            }
            results.publish(result);
            audit.publish(ticket.action(), AuditEventType.EXECUTION_FINISHED, result.status() + " after "
                    + result.durationMs() + " ms" + (result.reason() == null ? "" : ": " + result.reason()), traceId);
            reexecutions.queueIfChosen(ticket.action(), result);
        });
    }

    /**
     * Closes a run that an executor process started and never finished because it died mid-run (its ticket comes
     * back unacknowledged, is already used, and no run of it is in progress here): FAILED with the reason, its
     * result and {@code EXECUTION_FINISHED} queued together, so its audit trail closes and its goal hears how it
     * ended. The action is not run again: its ticket is used up, and a second run is what the claim exists to prevent.
     *
     * Call only when no handler in this process has the action (see {@code ExecutionService}).
     *
     * @return false when the action has no such run (none recorded, or already finished)
     */
    boolean closeAbandoned(ExecutionTicket ticket, String traceId) {
        UUID actionId = ticket.action().id();
        return QuarkusTransaction.requiringNew().call(() -> {
            Execution execution = executions.findById(actionId, LockModeType.PESSIMISTIC_WRITE);
            if (execution == null || !Execution.RUNNING.equals(execution.status)) {
                return false;
            }
            ExperimentResult result = results.sign(
                    ResultFactory.abandoned(ticket, execution.startedAt, clock.instant(), traceId));
            LOG.warnf("closing the run of action %s started at %s: %s", actionId, execution.startedAt,
                    result.reason());
            executions.finish(result);
            results.publish(result);
            audit.publish(ticket.action(), AuditEventType.EXECUTION_FINISHED, result.status() + " after "
                    + result.durationMs() + " ms: " + result.reason(), traceId);
            return true;
        });
    }

    /**
     * Queues {@code EXECUTION_REFUSED} and the REFUSED result. Nothing ran, so a failure here is left to the consumer
     * failure policy, which hands the ticket over again.
     */
    void refuse(ExecutionTicket ticket, Rejection rejection, String traceId) {
        QuarkusTransaction.requiringNew().run(() -> {
            audit.publish(ticket.action(), AuditEventType.EXECUTION_REFUSED, rejection.detail(), traceId);
            results.publish(results.sign(ResultFactory.refused(ticket, rejection.detail(), traceId, clock.instant())));
        });
    }
}
