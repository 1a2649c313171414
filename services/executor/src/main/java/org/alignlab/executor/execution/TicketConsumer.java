package org.alignlab.executor.execution;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.alignlab.contracts.events.ExecutionTicket;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.InvalidEventException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code execution.tickets}, several at a time. A ticket that fails its schema goes to the DLQ; anything else
 * is retried. Out-of-order completion is fine: each record is acknowledged when its own run is done.
 */
@ApplicationScoped
public class TicketConsumer {

    private final ExecutionService executions;

    TicketConsumer(ExecutionService executions) {
        this.executions = executions;
    }

    @Incoming("execution-tickets")
    // Up to the worker pool's size of tickets at once; SandboxSlots lets the configured number of them run.
    @Blocking(value = "ticket-runners", ordered = false)
    @Retry(maxRetries = -1, delay = 1, delayUnit = ChronoUnit.SECONDS, maxDuration = 3650,
            durationUnit = ChronoUnit.DAYS, abortOn = InvalidEventException.class)
    public void onTicket(String payload) {
        executions.handle(EventCodec.decode(payload, ExecutionTicket.class));
    }
}
