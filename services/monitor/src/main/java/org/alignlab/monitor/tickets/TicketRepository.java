package org.alignlab.monitor.tickets;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class TicketRepository implements PanacheRepositoryBase<IssuedTicket, UUID> {
}
