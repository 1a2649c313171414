package org.alignlab.monitor.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.alignlab.contracts.Topics;
import org.alignlab.platform.outbox.OutboxChannels;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** The outgoing channels the outbox relay may send to, by topic. Nothing else in the monitor sends decisions. */
@ApplicationScoped
class TopicEmitters implements OutboxChannels {

    private final Map<String, Emitter<String>> byTopic;

    TopicEmitters(
            @Channel("monitor-verdicts") @OnOverflow(value = OnOverflow.Strategy.BUFFER,
                    bufferSize = 2048) Emitter<String> verdicts,
            @Channel("execution-tickets") @OnOverflow(value = OnOverflow.Strategy.BUFFER,
                    bufferSize = 2048) Emitter<String> tickets,
            @Channel("trusted-actions") @OnOverflow(value = OnOverflow.Strategy.BUFFER,
                    bufferSize = 2048) Emitter<String> trustedActions) {
        this.byTopic = Map.of(Topics.MONITOR_VERDICTS, verdicts, Topics.EXECUTION_TICKETS, tickets,
                Topics.AGENT_ACTIONS, trustedActions);
    }

    @Override
    public Emitter<String> forTopic(String topic) {
        return byTopic.get(topic);
    }
}
