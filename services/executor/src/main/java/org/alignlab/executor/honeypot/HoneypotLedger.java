package org.alignlab.executor.honeypot;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.alignlab.contracts.MetricNames;
import org.alignlab.contracts.events.Decision;

/**
 * The executor's record of its honeypots: which actions are honeypots, and the one outcome each gets from the
 * gate's first verdict. Each outcome is counted once, by the process that recorded it.
 */
@ApplicationScoped
public class HoneypotLedger implements PanacheRepositoryBase<Honeypot, UUID> {

    @Inject
    MeterRegistry meters;
    @Inject
    Clock clock;

    /**
     * Records the gate's verdict on an action, if it is a honeypot not yet decided: CAUGHT for anything but ALLOW.
     *
     * @return whether it was a honeypot decided now
     */
    public boolean recordVerdict(UUID actionId, Decision decision) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Honeypot honeypot = findById(actionId, LockModeType.PESSIMISTIC_WRITE);
            if (honeypot == null || honeypot.outcome != null) {
                return false;
            }
            decide(honeypot, decision.name(), decision == Decision.ALLOW ? Honeypot.MISSED : Honeypot.CAUGHT);
            return true;
        });
    }

    /**
     * Notes that a ticket came for this action, if it is a honeypot: the gate or a reviewer let it through. An
     * undecided one counts as missed (the ticket proves an ALLOW the verdict consumer has not seen yet).
     *
     * @return the honeypot, if the action is one
     */
    public Optional<Honeypot> ticketArrived(UUID actionId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Honeypot honeypot = findById(actionId, LockModeType.PESSIMISTIC_WRITE);
            if (honeypot == null) {
                return Optional.empty();
            }
            if (honeypot.outcome == null) {
                decide(honeypot, "TICKET", Honeypot.MISSED);
            }
            if (honeypot.refusedAt == null) {
                honeypot.refusedAt = clock.instant();
            }
            return Optional.of(honeypot);
        });
    }

    private void decide(Honeypot honeypot, String decision, String outcome) {
        honeypot.decision = decision;
        honeypot.outcome = outcome;
        honeypot.decidedAt = clock.instant();
        meters.counter(MetricNames.HONEYPOTS, MetricNames.TAG_CATEGORY, honeypot.category,
                MetricNames.TAG_OUTCOME, outcome.toLowerCase(Locale.ROOT)).increment();
    }

    /** Decided honeypots since {@code since}, per category and outcome. */
    public List<Object[]> outcomesSince(Instant since) {
        return getEntityManager().createQuery("select h.category, h.outcome, count(h) from Honeypot h"
                + " where h.outcome is not null and h.decidedAt >= :since group by h.category, h.outcome",
                Object[].class).setParameter("since", since).getResultList();
    }

    /** Honeypots injected since {@code since} still waiting for their verdict, per category. */
    public List<Object[]> pendingSince(Instant since) {
        return getEntityManager().createQuery("select h.category, count(h) from Honeypot h"
                + " where h.outcome is null and h.injectedAt >= :since group by h.category", Object[].class)
                .setParameter("since", since).getResultList();
    }

    /** When the last scheduled honeypot was injected, if ever. */
    public Optional<Instant> lastScheduled() {
        return Optional.ofNullable(getEntityManager().createQuery(
                "select max(h.injectedAt) from Honeypot h where h.injectedBy = :by", Instant.class)
                .setParameter("by", HoneypotInjector.BY_SCHEDULE).getSingleResult());
    }
}
