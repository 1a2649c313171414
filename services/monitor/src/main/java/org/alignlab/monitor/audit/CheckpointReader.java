package org.alignlab.monitor.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.AuditCheckpoint;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.InvalidEventException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads every checkpoint published so far from {@code audit.checkpoints}, from the beginning up to the end offsets
 * seen at the start: what a verification compares the database against. No consumer group, so reading commits
 * nothing and never competes with anyone.
 */
@ApplicationScoped
public class CheckpointReader {

    private static final Logger LOG = Logger.getLogger(CheckpointReader.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final String bootstrapServers;

    CheckpointReader(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** @throws IllegalStateException when the topic cannot be read to its end in time */
    public List<AuditCheckpoint> readAll() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.AUDIT_CHECKPOINTS, DEADLINE).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, DEADLINE);
            List<AuditCheckpoint> checkpoints = new ArrayList<>();
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + Topics.AUDIT_CHECKPOINTS + " to its end");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    try {
                        checkpoints.add(EventCodec.decode(record.value(), AuditCheckpoint.class));
                    } catch (InvalidEventException e) {
                        // Unsigned junk cannot vouch for anything; the signed ones are what is compared.
                        LOG.warnf("skipping an invalid record on %s at %d@%d: %s", record.topic(), record.offset(),
                                record.partition(), e.getMessage());
                    }
                }
            }
            return checkpoints;
        }
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }
}
