package org.alignlab.executor.execution;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.ExecutionTicket;
import org.alignlab.platform.messaging.ConsumerFailurePolicy;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code execution.tickets}, several at a time, under the platform's consumer failure policy: a ticket that
 * fails its schema goes to the DLQ at once; a monitor that cannot confirm the audit record (or a database that is
 * down) holds the ticket back, retried for as long as it takes. Out-of-order completion is fine: each record is
 * acknowledged when its own run is done.
 */
@ApplicationScoped
public class TicketConsumer {

    @Inject
    ExecutionService executions;
    @Inject
    ConsumerFailurePolicy failures;

    @Incoming("execution-tickets")
    // Up to the worker pool's size of tickets at once; SandboxSlots lets the configured number of them run.
    @Blocking(value = "ticket-runners", ordered = false)
    public void onTicket(String payload) {
        failures.consume(Topics.EXECUTION_TICKETS, payload, ExecutionTicket.class, executions::handle);
    }
}
