package org.alignlab.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.alignlab.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfrastructureTest {

    @Test
    void kafkaCarriesARecordOnEveryTopicItCreated(@TempDir Path dir) throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dir, LocalPorts.freePair())) {
            List<String> created = TopicSetup.createAll(broker.bootstrapServers());
            assertThat(created).hasSize(Topics.ALL.size() * 2).contains("agent.actions.dlq");
            assertThat(TopicSetup.createAll(broker.bootstrapServers())).as("second run creates nothing").isEmpty();

            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                assertThat(admin.listTopics().names().get()).containsAll(TopicSetup.allTopicNames());
            }
            KafkaProbe probe = new KafkaProbe(broker.bootstrapServers());
            probe.send(Topics.REVIEWS, "goal", "hello", Map.of("traceparent", "00-trace"));
            ConsumerRecord<String, String> record = probe.await(Topics.REVIEWS, 1, r -> "goal".equals(r.key())).get(0);
            assertThat(record.value()).isEqualTo("hello");
            assertThat(KafkaProbe.header(record, "traceparent")).isEqualTo("00-trace");
            assertThat(KafkaProbe.header(record, "absent")).isNull();
            assertThat(probe.readAll(Topics.REVIEWS, r -> true)).hasSize(1);
            assertThat(probe.read(Topics.REVIEWS, 1, r -> false, Duration.ofMillis(300))).isEmpty();
        }
    }

    @Test
    void postgresServesTheAlignlabDatabaseAndKeepsDataAcrossRestarts(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("pgdata");
        int port = LocalPorts.free();
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
