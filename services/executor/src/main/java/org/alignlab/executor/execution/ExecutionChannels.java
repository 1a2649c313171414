package org.alignlab.executor.execution;

import jakarta.enterprise.context.ApplicationScoped;
import org.alignlab.contracts.Topics;
import org.alignlab.platform.outbox.OutboxChannels;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * The executor's outgoing topics, for the outbox relay: nothing else sends results or audit events, nor the honeypots
 * it injects into {@code agent.actions}.
 */
@ApplicationScoped
class ExecutionChannels implements OutboxChannels {

    private final Emitter<String> results;
    private final Emitter<String> audit;
    private final Emitter<String> actions;

    // The relay sends up to a batch of rows before it waits for their acks: buffer at least that many.
    ExecutionChannels(
            @Channel("experiment-results") @OnOverflow(value = OnOverflow.Strategy.BUFFER,
                    bufferSize = 1024) Emitter<String> results,
            @Channel("audit-events") @OnOverflow(value = OnOverflow.Strategy.BUFFER,
                    bufferSize = 1024) Emitter<String> audit,
            @Channel("agent-actions") @OnOverflow(value = OnOverflow.Strategy.BUFFER,
                    bufferSize = 1024) Emitter<String> actions) {
        this.results = results;
        this.audit = audit;
        this.actions = actions;
    }

    @Override
    public Emitter<String> forTopic(String topic) {
        return switch (topic) {
            case Topics.EXPERIMENT_RESULTS -> results;
            case Topics.AUDIT_EVENTS -> audit;
            case Topics.AGENT_ACTIONS -> actions;
            default -> null;
        };
    }
}
