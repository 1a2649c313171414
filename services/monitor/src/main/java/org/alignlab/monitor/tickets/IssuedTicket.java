package org.alignlab.monitor.tickets;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.alignlab.contracts.events.ExecutionTicket;
import org.alignlab.contracts.json.EventCodec;
import org.hibernate.annotations.Immutable;

/** A signed ticket, stored as the exact JSON published, so a re-publish carries the same signature. */
@Entity
@Immutable
@Table(name = "tickets")
public class IssuedTicket {

    @Id
    private UUID ticketId;
    private UUID actionId;
    private UUID goalId;
    private long auditSeq;
    private Instant issuedAt;
    private Instant expiresAt;
    private String payload;

    protected IssuedTicket() {
    }

    IssuedTicket(ExecutionTicket ticket) {
        this.ticketId = ticket.ticketId();
        this.actionId = ticket.action().id();
        this.goalId = ticket.action().goalId();
        this.auditSeq = ticket.auditSeq();
        this.issuedAt = ticket.issuedAt();
        this.expiresAt = ticket.expiresAt();
        this.payload = EventCodec.encode(ticket);
    }

    /** The ticket's JSON exactly as stored: what the outbox publishes. */
    String payload() {
        return payload;
    }

    ExecutionTicket ticket() {
        return EventCodec.decode(payload, ExecutionTicket.class);
    }
}
