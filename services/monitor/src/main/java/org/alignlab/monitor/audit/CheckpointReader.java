package org.alignlab.monitor.audit;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.AuditCheckpoint;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.InvalidEventException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads every checkpoint published so far from {@code audit.checkpoints}, from the beginning up to the end offsets
 * seen at the start: what a verification compares the database against. No consumer group, so reading commits
 * nothing and never competes with anyone.
 * <p>
 * It connects exactly as the messaging channels do: from the connector's own Kafka configuration (every
 * {@code kafka.*} key, {@code KAFKA_*} in the environment), it takes the bootstrap servers and every security
 * setting ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}). In the cluster that is TLS with SCRAM, so a
 * consumer given only the bootstrap servers would speak PLAINTEXT to a TLS listener and never get an answer.
 */
@ApplicationScoped
public class CheckpointReader {

    private static final Logger LOG = Logger.getLogger(CheckpointReader.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    /** The connector keys that say where the broker is and how to authenticate to it, nothing about channels. */
    private static final List<String> CONNECTION_KEYS = List.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            "security.protocol", "sasl.", "ssl.", ConsumerConfig.CLIENT_DNS_LOOKUP_CONFIG);

    private final Map<String, Object> connection;

    CheckpointReader(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.connection = connection(kafka);
    }

    /** The connection and security settings among the connector's configuration. */
    static Map<String, Object> connection(Map<String, Object> kafka) {
        Map<String, Object> connection = new TreeMap<>();
        kafka.forEach((key, value) -> {
            if (CONNECTION_KEYS.stream().anyMatch(k -> k.endsWith(".") ? key.startsWith(k) : key.equals(k))) {
                connection.put(key, value);
            }
        });
        if (!connection.containsKey(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalStateException("kafka.bootstrap.servers is not configured");
        }
        return Map.copyOf(connection);
    }

    /** What the checkpoint consumer is built from: the channels' connection, no group, no commits. */
    Properties consumerProperties() {
        Properties props = new Properties();
        props.putAll(connection);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "monitor-checkpoint-reader");
        return props;
    }

    /** @throws IllegalStateException when the topic cannot be read to its end in time */
    public List<AuditCheckpoint> readAll() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties(),
                new StringDeserializer(), new StringDeserializer())) {
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
