package org.alignlab.orchestrator.round;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import org.alignlab.contracts.MetricNames;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.platform.outbox.Outbox;

/**
 * Asks ideation for a goal's round: the {@code RoundRequested} goes into the outbox in the transaction that opens
 * the round, so it reaches {@code research.rounds} (keyed by goal id) once that transaction commits, and only then.
 * The outbox relay sends it, again after a crash if need be; ideation decides a goal's round once, so a repeat is
 * harmless. Call within the span the sent message should continue.
 */
@ApplicationScoped
public class RoundRequests {

    private final Outbox outbox;
    private final Event<RoundOpened> opened;
    private final Counter requested;

    RoundRequests(Outbox outbox, Event<RoundOpened> opened, MeterRegistry meters) {
        this.outbox = outbox;
        this.opened = opened;
        this.requested = meters.counter(MetricNames.ROUNDS_REQUESTED);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void request(RoundRequested round) {
        outbox.add(Topics.RESEARCH_ROUNDS, round.goalId().toString(), round);
        opened.fire(new RoundOpened(round));
    }

    /** Counted once the transaction that opened the round has committed: a rolled-back round was never asked for. */
    void counted(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoundOpened round) {
        requested.increment();
    }
}
