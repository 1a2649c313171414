package org.alignlab.monitor.gate;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.alignlab.contracts.MetricNames;
import org.alignlab.contracts.Topics;
import org.alignlab.monitor.messaging.AckedSend;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Sends one bad record of a batch to {@code agent.actions.dlq} with the same headers SmallRye's dead-letter strategy
 * writes, and waits for the broker: the batch is acknowledged only after its bad records are safely set aside.
 */
@ApplicationScoped
class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final Emitter<String> emitter;
    private final MeterRegistry meters;

    DeadLetters(@Channel("agent-actions-dlq") Emitter<String> emitter, MeterRegistry meters) {
        this.emitter = emitter;
        this.meters = meters;
    }

    void send(ConsumerRecord<String, String> record, String reason) {
        long offset = record.offset();
        LOG.warnf("agent.actions %d@%d is invalid, sent to the DLQ: %s", offset, record.partition(),
                reason);
        RecordHeaders headers = new RecordHeaders();
        headers.add(Topics.DLQ_REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset", Long.toString(offset).getBytes(StandardCharsets.UTF_8));
        AckedSend.send(emitter, Message.of(record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key())
                        .withHeaders(headers).build()));
        meters.counter(MetricNames.DLQ_MESSAGES, MetricNames.TAG_TOPIC, Topics.AGENT_ACTIONS).increment();
    }
}
