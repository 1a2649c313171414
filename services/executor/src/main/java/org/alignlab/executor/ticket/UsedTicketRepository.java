package org.alignlab.executor.ticket;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** {@link TicketLedger} on the {@code used_tickets} table; its constraints, not a prior read, decide. */
@ApplicationScoped
public class UsedTicketRepository implements PanacheRepositoryBase<UsedTicket, UUID>, TicketLedger {

    @Override
    @Transactional
    public Claim claim(UUID ticketId, UUID actionId, Instant at) {
        // ON CONFLICT covers both the primary key and the unique action id, so two racing consumers cannot
        // both win, and the loser sees no constraint exception that would poison the transaction.
        int inserted = getEntityManager().createNativeQuery(
                "insert into {h-schema}used_tickets (ticket_id, action_id, used_at) values (?1, ?2, ?3) "
                        + "on conflict do nothing")
                .setParameter(1, ticketId)
                .setParameter(2, actionId)
                .setParameter(3, at)
                .executeUpdate();
        if (inserted == 1) {
            return Claim.CLAIMED;
        }
        return findByIdOptional(ticketId).isPresent() ? Claim.TICKET_USED : Claim.ACTION_RAN;
    }
}
