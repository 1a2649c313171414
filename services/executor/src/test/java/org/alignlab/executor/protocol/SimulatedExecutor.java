package org.alignlab.executor.protocol;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alignlab.contracts.crypto.TicketVerifier;
import org.alignlab.contracts.events.AuditEventType;
import org.alignlab.contracts.events.ExecutionTicket;
import org.alignlab.executor.ticket.InMemoryTicketLedger;
import org.alignlab.executor.ticket.MonitorUnavailableException;
import org.alignlab.executor.ticket.TicketCheck;
import org.alignlab.executor.ticket.TicketCheck.Rejection;
import org.alignlab.executor.ticket.TicketLedger;

/**
 * The executor's consumer of {@code execution.tickets}, step by step as {@code ExecutionService} takes them:
 * verify, confirm the audit record, claim, report EXECUTION_STARTED, run. The checks are the real
 * {@link TicketCheck}; its ledger is the only state that survives a crash, as the database would. The consumer
 * reads from its position and commits offsets, possibly lagging, so a crash or a rebalance redelivers every
 * record after the last committed offset.
 */
final class SimulatedExecutor {

    /** Where a consume step may crash the process. */
    enum Crash {
        NONE,
        /** After the checks, before the claim: nothing durable has happened. */
        BEFORE_CLAIM,
        /** The claim is committed, the run never starts. */
        AFTER_CLAIM,
        /** The run started (and was reported), the offset was not committed. */
        AFTER_START
    }

    /** A ticket the executor refused, and why. */
    record Refusal(ExecutionTicket ticket, Rejection.Kind kind) {
    }

    private final PublicKey monitorKey;
    private final ModelClock clock;
    private final SimulatedMonitor monitor;
    private final TicketLedger ledger = new InMemoryTicketLedger();

    private TicketCheck check;
    private boolean up;
    private int position;
    private int committedOffset;

    private final List<ExecutionTicket> started = new ArrayList<>();
    private final List<ExecutionTicket> claimedNeverRan = new ArrayList<>();
    private final List<Refusal> refusals = new ArrayList<>();

    SimulatedExecutor(PublicKey monitorKey, ModelClock clock, SimulatedMonitor monitor) {
        this.monitorKey = monitorKey;
        this.clock = clock;
        this.monitor = monitor;
        restart();
    }

    boolean isUp() {
        return up;
    }

    boolean hasNext(List<ExecutionTicket> topic) {
        return up && position < topic.size();
    }

    /** A fresh process: everything in memory is rebuilt, the ledger is kept, reading resumes at the last commit. */
    void restart() {
        check = new TicketCheck(new TicketVerifier(monitorKey), clock, ledger, monitor.auditApi());
        position = committedOffset;
        up = true;
    }

    /** A consumer-group rebalance: the records after the last committed offset are delivered again. */
    void rebalance() {
        position = committedOffset;
    }

    /** Handles the record at the consumer's position; a monitor that cannot answer leaves it there to retry. */
    void consumeNext(List<ExecutionTicket> topic, Crash crash, boolean commitOffset) {
        ExecutionTicket ticket = topic.get(position);
        Optional<Rejection> rejection = check.verify(ticket);
        if (rejection.isEmpty()) {
            try {
                rejection = check.confirmAudited(ticket);
            } catch (MonitorUnavailableException retried) {
                return;
            }
        }
        if (crash == Crash.BEFORE_CLAIM) {
            up = false;
            return;
        }
        if (rejection.isEmpty()) {
            rejection = check.claim(ticket);
        }
        if (rejection.isPresent()) {
            refusals.add(new Refusal(ticket, rejection.get().kind()));
            monitor.report(AuditEventType.EXECUTION_REFUSED.name(), ticket.action(), rejection.get().detail());
            done(commitOffset);
            return;
        }
        if (crash == Crash.AFTER_CLAIM) {
            claimedNeverRan.add(ticket);
            up = false;
            return;
        }
        monitor.report(AuditEventType.EXECUTION_STARTED.name(), ticket.action(), "ticket " + ticket.ticketId());
        started.add(ticket);
        if (crash == Crash.AFTER_START) {
            up = false;
            return;
        }
        done(commitOffset);
    }

    private void done(boolean commitOffset) {
        position++;
        if (commitOffset) {
            committedOffset = position;
        }
    }

    List<ExecutionTicket> started() {
        return List.copyOf(started);
    }

    List<ExecutionTicket> claimedNeverRan() {
        return List.copyOf(claimedNeverRan);
    }

    List<Refusal> refusals() {
        return List.copyOf(refusals);
    }
}
