package org.alignlab.executor.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A ticket that was accepted; its action id is unique too, so an action runs once whatever the ticket. */
@Entity
@Table(name = "used_tickets")
public class UsedTicket {

    @Id
    @Column(name = "ticket_id")
    public UUID ticketId;

    @Column(name = "action_id", nullable = false, unique = true)
    public UUID actionId;

    @Column(name = "used_at", nullable = false)
    public Instant usedAt;
}
