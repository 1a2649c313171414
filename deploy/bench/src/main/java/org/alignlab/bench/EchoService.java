package org.alignlab.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * The baseline, run as its own JVM like the monitor: for each record on {@link #INPUT_TOPIC}, one INSERT
 * committed with {@code synchronous_commit=on}, then the same key and value produced to {@link #OUTPUT_TOPIC}.
 * Two Kafka hops and one durable commit per action: the least any gate that audits before it answers must do.
 * Kafka clients keep their defaults, as the monitor's do.
 *
 * <p>Usage: {@code EchoService BOOTSTRAP JDBC_URL USER}, the password in {@code GATE_BENCH_ECHO_DB_PASSWORD}.
 */
public final class EchoService {

    public static final String INPUT_TOPIC = "bench.echo.in";
    public static final String OUTPUT_TOPIC = "bench.echo.out";
    static final String PASSWORD_ENV = "GATE_BENCH_ECHO_DB_PASSWORD";
    /** Printed once the echo reads its input topic from the end; nothing sent before this is echoed. */
    static final String READY = "READY";

    private EchoService() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: EchoService BOOTSTRAP JDBC_URL USER (password in " + PASSWORD_ENV + ")");
            System.exit(2);
        }
        String password = System.getenv().getOrDefault(PASSWORD_ENV, "");
        try (Connection db = DriverManager.getConnection(args[1], args[2], password);
                KafkaConsumer<String, String> consumer = consumer(args[0]);
                KafkaProducer<String, String> producer = producer(args[0])) {
            prepare(db);
            List<TopicPartition> partitions = consumer.partitionsFor(INPUT_TOPIC, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            System.out.println(READY);
            System.out.flush();
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO gate_bench.echo (action_key, payload) VALUES (?, ?)")) {
                while (true) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        insert.setString(1, record.key());
                        insert.setString(2, record.value());
                        insert.executeUpdate();
                        db.commit();
                        producer.send(new ProducerRecord<>(OUTPUT_TOPIC, record.key(), record.value()));
                    }
                }
            }
        }
    }

    private static void prepare(Connection db) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("SET synchronous_commit = on");
            s.execute("CREATE SCHEMA IF NOT EXISTS gate_bench");
            s.execute("CREATE TABLE IF NOT EXISTS gate_bench.echo (seq bigserial PRIMARY KEY, "
                    + "action_key text NOT NULL, payload text NOT NULL, received_at timestamptz NOT NULL DEFAULT now())");
        }
        db.setAutoCommit(false);
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.CLIENT_ID_CONFIG, "gate-bench-echo",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.CLIENT_ID_CONFIG, "gate-bench-echo",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }
}
