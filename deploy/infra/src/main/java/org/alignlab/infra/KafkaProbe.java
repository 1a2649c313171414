package org.alignlab.infra;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain Kafka clients against the test broker, for tests that play the services around the one under test:
 * what another service would send, and what it would read. Every read starts at the beginning of the topic,
 * so a test finds its records by a predicate (a fresh id in the key or payload), never by position. Each probe
 * reads under a consumer group of its own and commits nothing, so probes never disturb each other or a
 * service's consumers. A probe holds no open client (each call opens and closes its own), so it needs no
 * closing and can be a static field of a test class.
 */
public final class KafkaProbe {

    /** How long {@link #await(String, int, Predicate)} waits. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

    private final Supplier<KafkaAccess> access;
    private final String groupId = "probe-" + UUID.randomUUID();

    public KafkaProbe(KafkaAccess access) {
        this(() -> access);
    }

    /**
     * A probe on a broker looked up on first use: a test class may create it before its broker has started.
     * On an authenticating broker it acts as whichever user {@code access} names (tests use the superuser, since
     * they play every other service).
     */
    public KafkaProbe(Supplier<KafkaAccess> access) {
        this.access = access;
    }

    /** Publishes one record and waits for the broker's ack. */
    public void send(String topic, String key, String value) throws Exception {
        send(topic, key, value, Map.of());
    }

    /** Publishes one record with the given headers (UTF-8) and waits for the broker's ack. */
    public void send(String topic, String key, String value, Map<String, String> headers) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(record).get(CLIENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Publishes {@code key -> value} records in order through one producer and waits for every ack: a test that
     * sends hundreds would otherwise spend its time opening a producer per record.
     */
    public void sendAll(String topic, List<Map.Entry<String, String>> records) throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (Map.Entry<String, String> record : records) {
                acks.add(producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue())));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(CLIENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private KafkaProducer<String, String> producer() {
        Map<String, Object> config = access.get().clientProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** {@link #await(String, int, Predicate, Duration)} with {@link #DEFAULT_TIMEOUT}. */
    public List<ConsumerRecord<String, String>> await(String topic, int count,
            Predicate<ConsumerRecord<String, String>> match) {
        return await(topic, count, match, DEFAULT_TIMEOUT);
    }

    /**
     * Reads the topic from the start until {@code count} records match, and returns the matches read by then
     * (at least {@code count}, in topic order per partition); fails if fewer match within {@code timeout}.
     */
    public List<ConsumerRecord<String, String>> await(String topic, int count,
            Predicate<ConsumerRecord<String, String>> match,
            Duration timeout) {
        List<ConsumerRecord<String, String>> matched = read(topic, count, match, timeout);
        if (matched.size() < count) {
            throw new AssertionError("expected " + count + " matching records on " + topic + " within " + timeout
                    + ", saw " + matched.size());
        }
        return matched;
    }

    /**
     * Like {@link #await(String, int, Predicate, Duration)} but returns what matched when the time is up, fewer
     * than {@code count} or none: for asserting that something did not arrive.
     */
    public List<ConsumerRecord<String, String>> read(String topic, int count,
            Predicate<ConsumerRecord<String, String>> match,
            Duration timeout) {
        List<ConsumerRecord<String, String>> matched = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumerFromStart(topic)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (matched.size() < count && System.nanoTime() < deadline) {
                collect(consumer, match, matched);
            }
        }
        return matched;
    }

    /** Every record on the topic now, from its start to its current end, that matches. */
    public List<ConsumerRecord<String, String>> readAll(String topic,
            Predicate<ConsumerRecord<String, String>> match) {
        List<ConsumerRecord<String, String>> matched = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumerFromStart(topic)) {
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment(), CLIENT_TIMEOUT);
            long deadline = System.nanoTime() + CLIENT_TIMEOUT.toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end within " + CLIENT_TIMEOUT);
                }
                collect(consumer, match, matched);
            }
        }
        return matched;
    }

    /** The last value of a header as UTF-8 text, or null when the record has no such header. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, String> consumerFromStart(String topic) {
        Map<String, Object> config = access.get().clientProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer());
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, CLIENT_TIMEOUT).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            return consumer;
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    private static void collect(KafkaConsumer<String, String> consumer,
            Predicate<ConsumerRecord<String, String>> match,
            List<ConsumerRecord<String, String>> matched) {
        for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
            if (match.test(record)) {
                matched.add(record);
            }
        }
    }
}
