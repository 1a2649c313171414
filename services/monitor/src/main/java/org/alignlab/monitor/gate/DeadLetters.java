package org.alignlab.monitor.gate;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.alignlab.contracts.Topics;
import org.alignlab.platform.messaging.AckedSend;
import org.alignlab.platform.messaging.ConsumerFailurePolicy;
import org.alignlab.platform.messaging.DeadLetterException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends one bad record of a batch to {@code agent.actions.dlq} with the same headers SmallRye's dead-letter strategy
 * writes, and waits for the broker: the batch is acknowledged only after its bad records are safely set aside. The
 * failure policy counts it and announces it, as for any consumer's dead-lettered record.
 */
@ApplicationScoped
class DeadLetters {

    private final Emitter<String> emitter;
    private final ConsumerFailurePolicy policy;

    DeadLetters(@Channel("agent-actions-dlq") Emitter<String> emitter, ConsumerFailurePolicy policy) {
        this.emitter = emitter;
        this.policy = policy;
    }

    /** A record that breaks its schema: the policy counts and announces it, then it goes to the DLQ. */
    void send(ConsumerRecord<String, String> record, String reason, Throwable cause) {
        send(record, policy.deadLetter(record.topic(), record.value(), reason, cause));
    }

    /** A record the policy has already given up on (counted and announced). */
    void send(ConsumerRecord<String, String> record, DeadLetterException decision) {
        String bounded = decision.getMessage();
        RecordHeaders headers = new RecordHeaders();
        headers.add(Topics.DLQ_REASON_HEADER, bounded.getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        AckedSend.send(emitter, Message.of(record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key())
                        .withHeaders(headers).build()));
    }
}
