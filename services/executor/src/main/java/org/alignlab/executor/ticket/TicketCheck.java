package org.alignlab.executor.ticket;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.alignlab.contracts.crypto.TicketVerifier;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExecutionTicket;

/**
 * Decides whether a ticket may run: signed by the monitor's key, unexpired, an ALLOW, and never used before.
 * Holds only the monitor's public key, so it cannot mint tickets itself.
 */
public class TicketCheck {

    private final TicketVerifier verifier;
    private final Clock clock;
    private final TicketLedger ledger;

    public TicketCheck(TicketVerifier verifier, Clock clock, TicketLedger ledger) {
        this.verifier = verifier;
        this.clock = clock;
        this.ledger = ledger;
    }

    /** Both checks in order; the ticket is used up when it passes. */
    public Optional<Rejection> check(ExecutionTicket ticket) {
        Optional<Rejection> invalid = verify(ticket);
        return invalid.isPresent() ? invalid : claim(ticket);
    }

    /** The checks that need no state: signature, expiry, decision. Uses nothing up. */
    public Optional<Rejection> verify(ExecutionTicket ticket) {
        if (!verifier.verify(ticket)) {
            return Optional.of(new Rejection(Rejection.Kind.BAD_SIGNATURE, "ticket " + ticket.ticketId()
                    + " is not signed by the monitor's key " + verifier.keyId() + " (claims key " + ticket.keyId()
                    + ")"));
        }
        if (!ticket.expiresAt().isAfter(clock.instant())) {
            return Optional.of(new Rejection(Rejection.Kind.EXPIRED, "ticket " + ticket.ticketId()
                    + " expired at " + ticket.expiresAt()));
        }
        if (ticket.decision() != Decision.ALLOW) {
            return Optional.of(new Rejection(Rejection.Kind.NOT_ALLOWED, "ticket " + ticket.ticketId()
                    + " carries decision " + ticket.decision() + ", not ALLOW"));
        }
        return Optional.empty();
    }

    /**
     * Records the ticket as used before anything runs, durably, so a crash mid-run can never lead to a second
     * run. Call only after {@link #verify} passed: a forged ticket must not use up a real action's id.
     */
    public Optional<Rejection> claim(ExecutionTicket ticket) {
        return switch (ledger.claim(ticket.ticketId(), ticket.action().id(), clock.instant())) {
            case CLAIMED -> Optional.empty();
            case TICKET_USED -> Optional.of(new Rejection(Rejection.Kind.REPLAYED, "replayed ticket: ticket "
                    + ticket.ticketId() + " was already used"));
            case ACTION_RAN -> Optional.of(new Rejection(Rejection.Kind.REPLAYED, "replayed action: action "
                    + ticket.action().id() + " already ran under another ticket"));
        };
    }

    /**
     * Why a ticket was refused.
     *
     * @param detail for the audit log and the REFUSED result
     */
    public record Rejection(Kind kind, String detail) {

        public enum Kind {
            BAD_SIGNATURE, EXPIRED, NOT_ALLOWED, REPLAYED, NO_SANDBOX;

            /** Low-cardinality metric tag. */
            public String tag() {
                return name().toLowerCase(Locale.ROOT).replace('_', '-');
            }
        }
    }
}
