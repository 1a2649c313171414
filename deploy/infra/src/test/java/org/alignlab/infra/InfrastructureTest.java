package org.alignlab.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.alignlab.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfrastructureTest {

    @Test
    void kafkaCarriesARecordOnEveryTopicItCreated(@TempDir Path dir) throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dir, LocalPorts.freePair())) {
            List<String> created = TopicSetup.createAll(broker.adminAccess());
            assertThat(created).hasSize(Topics.ALL.size() * 2).contains("agent.actions.dlq");
            assertThat(TopicSetup.createAll(broker.adminAccess())).as("second run creates nothing").isEmpty();

            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                assertThat(admin.listTopics().names().get()).containsAll(TopicSetup.allTopicNames());
            }
            KafkaProbe probe = new KafkaProbe(broker.adminAccess());
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

    @Test
    void anAuthenticatingBrokerGrantsEachServiceItsKafkaUsersAclsAndNothingMore(@TempDir Path dir) throws Exception {
        Map<String, List<AclBinding>> acls = KafkaUserAcls.bundled();
        assertThat(acls).containsKeys("orchestrator", "ideation", "monitor", "executor", "review", "audit-verifier");
        Passwords credentials = KafkaCredentials.generate(acls.keySet());
        int port = LocalPorts.freePair();
        try (KafkaBroker broker = KafkaBroker.start(dir, port, credentials)) {
            TopicSetup.createAll(broker.adminAccess());
            new KafkaProbe(broker.access("ideation")).send(Topics.AGENT_ACTIONS, "goal", "a proposal");
            assertThat(new KafkaProbe(broker.adminAccess()).await(Topics.AGENT_ACTIONS, 1, r -> true)).hasSize(1);

            assertThatThrownBy(() -> new KafkaProbe(broker.access("ideation"))
                    .send(Topics.EXECUTION_TICKETS, "goal", "a forged ticket"))
                    .as("only the monitor may write tickets").hasRootCauseInstanceOf(TopicAuthorizationException.class);
            assertThatThrownBy(() -> new KafkaProbe(broker.access("executor"))
                    .send(Topics.MONITOR_VERDICTS, "goal", "a forged verdict"))
                    .hasRootCauseInstanceOf(TopicAuthorizationException.class);
            assertThatThrownBy(() -> new KafkaProbe(broker.access("executor"))
                    .read(Topics.AGENT_ACTIONS, 1, r -> true, Duration.ofSeconds(5)))
                    .as("a service reads only what its KafkaUser may").isInstanceOf(AuthorizationException.class);

            // What only one service may say: every other service is refused by the broker itself.
            Map<String, String> soleWriter = Map.of(Topics.EXPERIMENT_RESULTS, "executor", Topics.AUDIT_EVENTS,
                    "executor", Topics.MONITOR_VERDICTS, "monitor", Topics.EXECUTION_TICKETS, "monitor",
                    Topics.AUDIT_CHECKPOINTS, "monitor", Topics.REVIEWS, "review");
            for (Map.Entry<String, String> topic : soleWriter.entrySet()) {
                for (String user : List.of("orchestrator", "ideation", "monitor", "executor", "review",
                        "audit-verifier")) {
                    if (!user.equals(topic.getValue())) {
                        assertThatThrownBy(
                                () -> new KafkaProbe(broker.access(user)).send(topic.getKey(), "g", "forged"))
                                .as("%s writing %s", user, topic.getKey())
                                .hasRootCauseInstanceOf(AuthorizationException.class);
                    }
                }
            }

            KafkaAccess wrongPassword = KafkaAccess.scram(broker.bootstrapServers(), "monitor", "guessed");
            assertThatThrownBy(() -> new KafkaProbe(wrongPassword).send(Topics.EXECUTION_TICKETS, "g", "t"))
                    .hasRootCauseInstanceOf(SaslAuthenticationException.class);
            try (Admin anonymous = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers(),
                    "default.api.timeout.ms", 3_000, "request.timeout.ms", 1_000))) {
                assertThatThrownBy(() -> anonymous.listTopics().names().get())
                        .as("a client that does not authenticate gets nowhere").isInstanceOf(ExecutionException.class);
            }
        }
        try (KafkaBroker restarted = KafkaBroker.start(dir, port, credentials)) {
            assertThat(new KafkaProbe(restarted.access("monitor")).await(Topics.AGENT_ACTIONS, 1, r -> true))
                    .as("users and ACLs survive a restart").hasSize(1);
        }
    }

    @Test
    void anAuthenticatingPostgresLetsEachServiceIntoItsOwnSchemaOnly(@TempDir Path dir) throws Exception {
        DatabaseRoles roles = DatabaseRoles.bundled();
        assertThat(roles.loginRoles()).contains("orchestrator", "monitor", "executor", "auditor");
        Passwords credentials = DatabaseCredentials.generate(roles.loginRoles());
        Path data = dir.resolve("pgdata");
        int port = LocalPorts.free();
        try (PostgresServer pg = PostgresServer.start(data, port, credentials)) {
            try (Connection monitor = DriverManager.getConnection(pg.jdbcUrl(), "monitor",
                    credentials.password("monitor"))) {
                monitor.createStatement()
                        .execute("CREATE TABLE monitor.kept (v int); INSERT INTO monitor.kept VALUES (7)");
                assertThatThrownBy(() -> monitor.createStatement().execute("CREATE TABLE orchestrator.t (v int)"))
                        .as("no service writes another's schema").hasMessageContaining("permission denied");
                assertThatThrownBy(() -> monitor.createStatement().execute("CREATE TABLE public.t (v int)"))
                        .hasMessageContaining("permission denied");
                assertThatThrownBy(() -> monitor.createStatement().execute("CREATE ROLE intruder LOGIN"))
                        .hasMessageContaining("permission denied");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl(), PostgresServer.USER, ""))
                    .as("not even the superuser gets in without its password").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl(), "monitor", "guessed"))
                    .hasMessageContaining("password authentication failed");
        }
        try (PostgresServer pg = PostgresServer.start(data, port, credentials);
                Connection monitor = DriverManager.getConnection(pg.jdbcUrl(), "monitor",
                        credentials.password("monitor"));
                ResultSet rs = monitor.createStatement().executeQuery("SELECT v FROM monitor.kept")) {
            assertThat(rs.next()).as("roles and data survive a restart").isTrue();
            assertThat(rs.getInt(1)).isEqualTo(7);
        }
    }
}
