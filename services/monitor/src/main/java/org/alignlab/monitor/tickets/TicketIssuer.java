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
    public Issued issue(AgentAction action, long auditSeq, String auditHash) {
        return issue(action, Sha256.ofCanonical(action), auditSeq, auditHash);
    }

    /** As {@link #issue(AgentAction, long, String)} with the action's hash computed already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Issued issue(AgentAction action, String actionHash, long auditSeq, String auditHash) {
        Instant issuedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ExecutionTicket ticket = keys.sign(new ExecutionTicket(UUID.randomUUID(), action, actionHash,
                Decision.ALLOW, auditSeq, auditHash, issuedAt, issuedAt.plus(config.ticketTtl()), keys.keyId(), null));
        IssuedTicket stored = new IssuedTicket(ticket);
        tickets.persist(stored);
        return new Issued(ticket, stored.payload());
    }

    /**
     * A ticket as issued, with its JSON as stored: publish that JSON rather than encode the ticket again, so what is
     * sent is byte for byte what is stored, and the schema check (the ticket carries the whole action) runs once.
     */
    public record Issued(ExecutionTicket ticket, String json) {
    }
}
