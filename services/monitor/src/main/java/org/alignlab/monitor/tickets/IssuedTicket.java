package org.alignlab.monitor.tickets;

import jakarta.persistence.Column;
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
    @Column(name = "ticket_id")
    private UUID ticketId;
    @Column(name = "action_id")
    private UUID actionId;
    @Column(name = "goal_id")
    private UUID goalId;
    @Column(name = "audit_seq")
    private long auditSeq;
    @Column(name = "issued_at")
    private Instant issuedAt;
    @Column(name = "expires_at")
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

    ExecutionTicket ticket() {
        return EventCodec.decode(payload, ExecutionTicket.class);
    }
}
