package org.alignlab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.alignlab.contracts.json.Json;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends actions along one {@link Route} and watches its reply topics. The producer keeps the Kafka client's
 * defaults, as the services' producers do. One receiver thread reads from the end of every reply partition,
 * so replies left over from earlier runs on the same broker are never counted.
 */
final class LoadDriver implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);
    /** The first paced send is due this long after the phase starts, so it is not already late. */
    private static final long LEAD_NANOS = 50_000_000;

    private final Route route;
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final Thread receiver;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile Ledger ledger;
    private volatile long lastReply = System.nanoTime();
    private volatile boolean running = true;

    private LoadDriver(Route route, KafkaProducer<String, String> producer, KafkaConsumer<String, String> consumer) {
        this.route = route;
        this.producer = producer;
        this.consumer = consumer;
        this.receiver = new Thread(this::receive, "gate-bench-" + route.name() + "-receiver");
        this.receiver.setDaemon(true);
    }

    static LoadDriver open(String bootstrapServers, Route route) {
        KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "gate-bench-" + route.name(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "gate-bench-" + route.name() + "-replies",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : route.replyTopics()) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // Resolve the end offsets now: a lazy seek would skip replies that arrive before the first poll.
        partitions.forEach(consumer::position);
        LoadDriver driver = new LoadDriver(route, producer, consumer);
        driver.receiver.start();
        return driver;
    }

    String routeName() {
        return route.name();
    }

    /** How long ago the last reply of any phase arrived (or the driver opened): a path still busy is not quiet. */
    Duration sinceLastReply() {
        return Duration.ofNanos(System.nanoTime() - lastReply);
    }

    /**
     * Sends {@code warmUp} then {@code measured} at a fixed rate, without pause between them, and times only
     * the measured actions, each from the moment it was due.
     */
    PhaseResult paced(String phase, List<EncodedAction> warmUp, List<EncodedAction> measured, int ratePerSecond,
            Duration drainTimeout, Duration settle) {
        Ledger current = begin();
        long period = 1_000_000_000L / ratePerSecond;
        long start = System.nanoTime() + LEAD_NANOS;
        long maxLag = 0;
        List<EncodedAction> all = new ArrayList<>(warmUp);
        all.addAll(measured);
        for (int i = 0; i < all.size(); i++) {
            long due = start + i * period;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            maxLag = Math.max(maxLag, System.nanoTime() - due);
            send(current, all.get(i), due, i >= warmUp.size());
        }
        boolean drained = drain(current, drainTimeout, settle);
        return new PhaseResult(route.name(), phase, current.latency(), ratePerSecond,
                current.measuredSettledPerSecond(), current.delivery(), drained, maxLag / 1e6);
    }

    /** Sends every action as fast as the producer takes them and measures how fast they settle. */
    PhaseResult burst(String phase, List<EncodedAction> proposals, Duration drainTimeout, Duration settle) {
        Ledger current = begin();
        for (EncodedAction proposal : proposals) {
            send(current, proposal, System.nanoTime(), true);
        }
        boolean drained = drain(current, drainTimeout, settle);
        return new PhaseResult(route.name(), phase, current.latency(), Double.NaN, current.settledPerSecond(),
                current.delivery(), drained, Double.NaN);
    }

    @Override
    public void close() {
        running = false;
        try {
            receiver.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
        if (!receiver.isAlive()) {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private Ledger begin() {
        Ledger fresh = new Ledger(route.decides());
        ledger = fresh;
        return fresh;
    }

    private void send(Ledger current, EncodedAction proposal, long origin, boolean measured) {
        rethrowFailure();
        current.sent(proposal.id(), origin, measured);
        producer.send(new ProducerRecord<>(route.inputTopic(), proposal.key(), proposal.payload()),
                (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
    }

    /** Waits until every action settled or the timeout passed, then a little longer to catch duplicates. */
    private boolean drain(Ledger current, Duration timeout, Duration settle) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean drained = false;
        while (!drained && System.nanoTime() < deadline) {
            rethrowFailure();
            drained = current.allSettled();
            if (!drained) {
                LockSupport.parkNanos(20_000_000);
            }
        }
        LockSupport.parkNanos(settle.toNanos());
        rethrowFailure();
        return drained;
    }

    private void receive() {
        try {
            while (running) {
                var records = consumer.poll(POLL);
                long now = System.nanoTime();
                if (!records.isEmpty()) {
                    lastReply = now;
                }
                Ledger current = ledger;
                if (current == null) {
                    continue;
                }
                for (ConsumerRecord<String, String> record : records) {
                    JsonNode reply = Json.parse(record.value());
                    if (record.topic().equals(route.verdictTopic())) {
                        current.verdict(Route.verdictActionId(reply), Route.allowed(reply), now);
                    } else {
                        current.completed(route.completedActionId().apply(reply), now);
                    }
                }
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    private void rethrowFailure() {
        Throwable e = failure.get();
        if (e != null) {
            throw new BenchException(route.name() + ": sending or receiving failed: " + e, e);
        }
    }
}
