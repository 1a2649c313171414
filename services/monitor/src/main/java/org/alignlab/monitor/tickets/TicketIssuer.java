package org.alignlab.monitor.tickets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExecutionTicket;
import org.alignlab.contracts.json.Sha256;
import org.alignlab.monitor.config.MonitorConfig;

/** Signs and stores the ticket for an allowed action, in the transaction that audited the ALLOW. */
@ApplicationScoped
public class TicketIssuer {

    @Inject
    SigningKeys keys;
    @Inject
    TicketRepository tickets;
    @Inject
    MonitorConfig config;

    /**
     * A ticket bound to the VERDICT record {@code (auditSeq, auditHash)} and to the exact content of {@code action},
     * valid for the configured TTL.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ExecutionTicket issue(AgentAction action, long auditSeq, String auditHash) {
        Instant issuedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ExecutionTicket ticket = keys.sign(new ExecutionTicket(UUID.randomUUID(), action, Sha256.ofCanonical(action),
                Decision.ALLOW, auditSeq, auditHash, issuedAt, issuedAt.plus(config.ticketTtl()), keys.keyId(), null));
        tickets.persist(new IssuedTicket(ticket));
        return ticket;
    }
}
