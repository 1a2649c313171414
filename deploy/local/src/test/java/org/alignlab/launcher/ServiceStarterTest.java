package org.alignlab.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.alignlab.infra.DatabaseCredentials;
import org.alignlab.infra.DatabaseRoles;
import org.alignlab.infra.KafkaCredentials;
import org.alignlab.infra.KafkaUserAcls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceStarterTest {

    @TempDir
    Path repo;

    private ServiceStarter starter() {
        StackOptions options = StackOptions.local(repo, repo.resolve("run"), 200);
        return new ServiceStarter(options, new ProcessSupervisor(options.runDir().pids()));
    }

    private ServiceStarter.Wiring wiring;

    @BeforeEach
    void wire() throws IOException {
        wiring = new ServiceStarter.Wiring(
                new KafkaLogins("127.0.0.1:19292", KafkaCredentials.generate(KafkaUserAcls.bundled().keySet())),
                DatabaseLogins.local("jdbc:postgresql://127.0.0.1:15632/alignlab",
                        DatabaseCredentials.generate(DatabaseRoles.bundled().loginRoles())),
                new SigningKeys("PRIVATE", "PUBLIC"), new SigningKeys("EXECUTOR-PRIVATE", "EXECUTOR-PUBLIC"),
                LocalTokens.loadOrCreate(new RunDir(repo.resolve("run"))));
    }

    @Test
    void onlyTheMonitorHoldsTheSigningKeyAndOnlyTheExecutorItsOwn() throws IOException {
        for (Service service : Service.values()) {
            Map<String, String> env = starter().environment(service, wiring);
            if (service == Service.MONITOR) {
                assertThat(env).containsEntry("ALIGNLAB_MONITOR_SIGNING_KEY", "PRIVATE")
                        .containsEntry("ALIGNLAB_MONITOR_SIGNING_PUBLIC_KEY", "PUBLIC")
                        .containsEntry("ALIGNLAB_MONITOR_EXECUTOR_PUBLIC_KEY", "EXECUTOR-PUBLIC");
            } else {
                assertThat(env).as(service.id()).doesNotContainValue("PRIVATE");
            }
            if (service == Service.EXECUTOR) {
                assertThat(env).containsEntry("ALIGNLAB_EXECUTOR_SIGNING_KEY", "EXECUTOR-PRIVATE")
                        .containsEntry("ALIGNLAB_EXECUTOR_SIGNING_PUBLIC_KEY", "EXECUTOR-PUBLIC");
            } else {
                assertThat(env).as(service.id()).doesNotContainValue("EXECUTOR-PRIVATE");
            }
            assertThat(env).as(service.id()).containsEntry("QUARKUS_HTTP_PORT",
                    Integer.toString(8081 + service.ordinal() + 200));
        }
    }

    @Test
    void eachServiceLogsInToTheBrokerAndTheDatabaseAsItselfAndNeverAsASuperuser() throws IOException {
        for (Service service : Service.values()) {
            Map<String, String> env = starter().environment(service, wiring);
            if (service == Service.INFERENCE) {
                continue;
            }
            assertThat(env).as(service.id()).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                    .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
            assertThat(env.get("KAFKA_SASL_JAAS_CONFIG")).as(service.id())
                    .contains("username=\"" + service.id() + "\"")
                    .contains("password=\"" + wiring.kafka().credentials().password(service.id()) + "\"");
            assertThat(env).as(service.id()).doesNotContainValue(wiring.kafka().credentials().password("admin"))
                    .doesNotContainValue(wiring.database().credentials().password("postgres"));
            if (service.usesDatabase()) {
                assertThat(env).containsEntry("QUARKUS_DATASOURCE_USERNAME", service.id())
                        .containsEntry("QUARKUS_DATASOURCE_PASSWORD",
                                wiring.database().credentials().password(service.id()));
            }
        }
    }

    @Test
    void theExecutorGetsThePublicKeyTheRunnerAndItsDirectories() throws IOException {
        Map<String, String> env = starter().environment(Service.EXECUTOR, wiring);

        assertThat(env).containsEntry("ALIGNLAB_EXECUTOR_MONITOR_PUBLIC_KEY", "PUBLIC")
                .containsEntry("ALIGNLAB_EXECUTOR_EXPERIMENTS_JAR",
                        repo.resolve("libs/experiments/target/experiments-0.1.0-SNAPSHOT.jar").toString())
                .containsEntry("ALIGNLAB_EXECUTOR_DJL_CACHE_DIR", repo.resolve("run/djl-cache").toString())
                .doesNotContainKey("ALIGNLAB_EXECUTOR_WORK_ROOT")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19292")
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:15632/alignlab");
    }

    @Test
    void everyServiceVerifiesTokensWithTheStacksKeyAndOnlyCallersHoldAServiceToken() throws IOException {
        for (Service service : Service.values()) {
            Map<String, String> env = starter().environment(service, wiring);
            assertThat(env).as(service.id()).containsEntry("MP_JWT_VERIFY_PUBLICKEY", wiring.tokens().publicKey());
            Set<String> serviceTokens = env.keySet().stream().filter(k -> k.endsWith("_TOKEN"))
                    .collect(Collectors.toSet());
            switch (service) {
                case MONITOR -> assertThat(serviceTokens).containsExactly("ALIGNLAB_MONITOR_TRUSTED_MODEL_TOKEN");
                case EXECUTOR -> assertThat(serviceTokens).containsExactly("ALIGNLAB_EXECUTOR_MONITOR_TOKEN");
                default -> assertThat(serviceTokens).as(service.id()).isEmpty();
            }
        }
        String monitorToken = starter().environment(Service.MONITOR, wiring)
                .get("ALIGNLAB_MONITOR_TRUSTED_MODEL_TOKEN");
        JsonNode claims = LocalTokensTest.claims(monitorToken);
        assertThat(claims.path("upn").asText()).isEqualTo("monitor");
        assertThat(claims.path("groups").get(0).asText()).isEqualTo("service");
    }

    @Test
    void callersFindWhomTheyCallOnTheShiftedPort() throws IOException {
        assertThat(starter().environment(Service.ORCHESTRATOR, wiring))
                .containsEntry("ALIGNLAB_ORCHESTRATOR_MONITOR_URL", "http://127.0.0.1:8283");
        assertThat(starter().environment(Service.EXECUTOR, wiring))
                .containsEntry("ALIGNLAB_EXECUTOR_MONITOR_URL", "http://127.0.0.1:8283");
        assertThat(starter().environment(Service.MONITOR, wiring))
                .containsEntry("ALIGNLAB_MONITOR_TRUSTED_MODEL_URL", "http://127.0.0.1:8286");
    }

    @Test
    void inferenceHasNeitherDatabaseNorBroker() throws IOException {
        Map<String, String> env = starter().environment(Service.INFERENCE, wiring);

        assertThat(env).doesNotContainKeys("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_PASSWORD",
                "KAFKA_BOOTSTRAP_SERVERS");
        assertThat(env).containsEntry("ALIGNLAB_INFERENCE_MODEL_STORE",
                repo.resolve("models/trusted-monitor/model-store").toString());
    }

    @Test
    void aServiceSettingReachesOnlyItsServiceAndWinsOverTheLaunchersValue() throws IOException {
        StackOptions options = StackOptions.local(repo, repo.resolve("run"), 200)
                .withSettings(Service.IDEATION, Map.of("ALIGNLAB_IDEATION_LLM_URL", "http://127.0.0.1:9999"))
                .withSettings(Service.IDEATION, Map.of("QUARKUS_HTTP_HOST", "0.0.0.0"));
        ServiceStarter starter = new ServiceStarter(options, new ProcessSupervisor(options.runDir().pids()));

        assertThat(starter.environment(Service.IDEATION, wiring))
                .containsEntry("ALIGNLAB_IDEATION_LLM_URL", "http://127.0.0.1:9999")
                .containsEntry("QUARKUS_HTTP_HOST", "0.0.0.0");
        assertThat(starter.environment(Service.REVIEW, wiring))
                .doesNotContainKey("ALIGNLAB_IDEATION_LLM_URL")
                .containsEntry("QUARKUS_HTTP_HOST", "127.0.0.1");
    }
}
