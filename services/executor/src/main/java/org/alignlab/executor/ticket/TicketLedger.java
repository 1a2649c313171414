package org.alignlab.executor.ticket;

import java.time.Instant;
import java.util.UUID;

/** The durable record of used tickets: each ticket once, each action once. */
public interface TicketLedger {

    enum Claim {
        /** Newly recorded: once committed, the action may run. */
        CLAIMED,
        TICKET_USED,
        ACTION_RAN
    }

    /**
     * Records the use; the caller commits it before it runs anything (joining the caller's transaction, or in
     * its own when there is none).
     */
    Claim claim(UUID ticketId, UUID actionId, Instant at);
}
