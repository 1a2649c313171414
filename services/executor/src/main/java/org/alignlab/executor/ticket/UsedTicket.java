package org.alignlab.executor.ticket;

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
    public UUID ticketId;

    public UUID actionId;

    public Instant usedAt;
}
