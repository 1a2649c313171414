package org.alignlab.monitor.tickets;

import jakarta.enterprise.context.ApplicationScoped;
import org.alignlab.contracts.events.ExecutionTicket;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.monitor.messaging.AckedSend;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** The one publisher of {@code execution.tickets}, keyed by goal id. */
@ApplicationScoped
public class TicketPublisher {

    private final Emitter<String> emitter;

    TicketPublisher(@Channel("execution-tickets") Emitter<String> emitter) {
        this.emitter = emitter;
    }

    public void publish(ExecutionTicket ticket) {
        AckedSend.send(emitter, ticket.action().goalId().toString(), EventCodec.encode(ticket));
    }
}
