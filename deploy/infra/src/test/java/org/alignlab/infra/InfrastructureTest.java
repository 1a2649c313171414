package org.alignlab.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.alignlab.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfrastructureTest {

    @Test
    void kafkaCarriesARecordOnEveryTopicItCreated(@TempDir Path dir) throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dir, TestInfrastructure.freePortPair())) {
            List<String> created = TopicSetup.createAll(broker.bootstrapServers());
            assertThat(created).hasSize(Topics.ALL.size() * 2).contains("agent.actions.dlq");
            assertThat(TopicSetup.createAll(broker.bootstrapServers())).as("second run creates nothing").isEmpty();

            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                assertThat(admin.listTopics().names().get()).containsAll(TopicSetup.allTopicNames());
            }
            try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                    broker.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(Topics.REVIEWS, "goal", "hello")).get();
            }
            Properties props = new Properties();
            props.put("bootstrap.servers", broker.bootstrapServers());
            props.put("group.id", "infra-test");
            props.put("auto.offset.reset", "earliest");
            try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(Topics.REVIEWS));
                ConsumerRecords<String, String> records = ConsumerRecords.empty();
                for (int i = 0; i < 20 && records.isEmpty(); i++) {
                    records = consumer.poll(Duration.ofMillis(500));
                }
                assertThat(records.iterator().next().value()).isEqualTo("hello");
            }
        }
    }

    @Test
    void postgresServesTheAlignlabDatabaseAndKeepsDataAcrossRestarts(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("pgdata");
        int port = TestInfrastructure.freePort();
        try (PostgresServer pg = PostgresServer.start(data, port);
             Connection c = DriverManager.getConnection(pg.jdbcUrl(), PostgresServer.USER, "")) {
            c.createStatement().execute("CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
            assertThat(pg.serverPid(data)).isPositive();
        }
        try (PostgresServer pg = PostgresServer.start(data, port);
             Connection c = DriverManager.getConnection(pg.jdbcUrl(), PostgresServer.USER, "");
             ResultSet rs = c.createStatement().executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }
}
