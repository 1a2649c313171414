package org.alignlab.executor.ticket;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code used_tickets} table's semantics in memory, for tests of the code around it: a claim is an insert
 * that the primary key (ticket id) or the unique action id can refuse, and the ticket id decides which answer a
 * refused claim gets. Claims persist as long as the instance does, so a test models an executor crash by keeping
 * the ledger and rebuilding everything else. The SQL itself is exercised by the Quarkus test.
 */
public final class InMemoryTicketLedger implements TicketLedger {

    private final Map<UUID, UUID> actionByTicket = new LinkedHashMap<>();

    @Override
    public synchronized Claim claim(UUID ticketId, UUID actionId, Instant at) {
        if (actionByTicket.containsKey(ticketId)) {
            return Claim.TICKET_USED;
        }
        if (actionByTicket.containsValue(actionId)) {
            return Claim.ACTION_RAN;
        }
        actionByTicket.put(ticketId, actionId);
        return Claim.CLAIMED;
    }

    /** Every claim so far, ticket id to action id. */
    public synchronized Map<UUID, UUID> claims() {
        return Map.copyOf(actionByTicket);
    }
}
