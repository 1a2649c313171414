package org.alignlab.auditverifier;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.AuditCheckpoint;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.InvalidEventException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Every checkpoint on {@code audit.checkpoints}, read from the beginning of each partition up to the end offsets
 * found at the start, then stops. Reads without a consumer group and commits nothing, so it never disturbs
 * anyone. A record that is not a valid checkpoint is skipped with a warning: anyone who may write to the topic
 * could put one there, and it vouches for nothing. It authenticates as {@link KafkaClientSettings} say, as the
 * services' channels do.
 */
final class KafkaCheckpoints {

    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    /** The checkpoints read, and one line per record skipped. */
    record Read(List<AuditCheckpoint> checkpoints, List<String> skipped) {
    }

    private KafkaCheckpoints() {
    }

    /** The consumer's configuration: the security settings, then what reading without a group needs. */
    static Map<String, Object> consumerConfig(String bootstrapServers, KafkaClientSettings security) {
        Map<String, Object> config = new HashMap<>(security.properties());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "alignlab-audit-verifier");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CLIENT_TIMEOUT.toMillis());
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CLIENT_TIMEOUT.toMillis());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return config;
    }

    static Read readAll(String bootstrapServers, KafkaClientSettings security) {
        Map<String, Object> config = consumerConfig(bootstrapServers, security);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.AUDIT_CHECKPOINTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            if (partitions.isEmpty()) {
                throw new UnusableInputException("no topic " + Topics.AUDIT_CHECKPOINTS + " on " + bootstrapServers);
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            return readUpTo(consumer, end);
        } catch (KafkaException e) {
            throw new UnusableInputException("cannot read " + Topics.AUDIT_CHECKPOINTS + " from " + bootstrapServers,
                    e);
        }
    }

    private static Read readUpTo(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        List<AuditCheckpoint> checkpoints = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Instant deadline = Instant.now().plus(READ_TIMEOUT);
        while (!caughtUp(consumer, end)) {
            if (Instant.now().isAfter(deadline)) {
                throw new UnusableInputException("reading " + Topics.AUDIT_CHECKPOINTS + " took over " + READ_TIMEOUT);
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                    continue;
                }
                try {
                    checkpoints.add(EventCodec.decode(record.value(), AuditCheckpoint.class));
                } catch (InvalidEventException e) {
                    skipped.add(record.topic() + " partition " + record.partition() + " offset " + record.offset()
                            + ": " + e.getMessage());
                }
            }
        }
        return new Read(checkpoints, skipped);
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream()
                .allMatch(partition -> consumer.position(partition.getKey()) >= partition.getValue());
    }
}
