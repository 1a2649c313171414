package org.alignlab.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceStarterTest {

    @TempDir
    Path repo;

    private ServiceStarter starter() {
        StackOptions options = StackOptions.local(repo, repo.resolve("run"), 200);
        return new ServiceStarter(options, new ProcessSupervisor(options.runDir().pids()));
    }

    private final ServiceStarter.Wiring wiring = new ServiceStarter.Wiring("127.0.0.1:19292",
            new StackOptions.Database("jdbc:postgresql://127.0.0.1:15632/alignlab", "postgres", ""),
            new SigningKeys("PRIVATE", "PUBLIC"));

    @Test
    void onlyTheMonitorHoldsTheSigningKey() throws IOException {
        for (Service service : Service.values()) {
            Map<String, String> env = starter().environment(service, wiring);
            if (service == Service.MONITOR) {
                assertThat(env).containsEntry("ALIGNLAB_MONITOR_SIGNING_KEY", "PRIVATE")
                        .containsEntry("ALIGNLAB_MONITOR_SIGNING_PUBLIC_KEY", "PUBLIC");
            } else {
                assertThat(env).as(service.id()).doesNotContainValue("PRIVATE");
            }
            assertThat(env).as(service.id()).containsEntry("QUARKUS_HTTP_PORT", Integer.toString(8081 + service.ordinal() + 200));
        }
    }

    @Test
    void theExecutorGetsThePublicKeyTheRunnerAndItsDirectories() throws IOException {
        Map<String, String> env = starter().environment(Service.EXECUTOR, wiring);

        assertThat(env).containsEntry("ALIGNLAB_EXECUTOR_MONITOR_PUBLIC_KEY", "PUBLIC")
                .containsEntry("ALIGNLAB_EXECUTOR_EXPERIMENTS_JAR",
                        repo.resolve("services/experiments/target/experiments-0.1.0-SNAPSHOT.jar").toString())
                .containsEntry("ALIGNLAB_EXECUTOR_DJL_CACHE_DIR", repo.resolve("run/djl-cache").toString())
                .doesNotContainKey("ALIGNLAB_EXECUTOR_WORK_ROOT")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19292")
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:15632/alignlab");
    }

    @Test
    void theOrchestratorFindsTheMonitorOnTheShiftedPort() throws IOException {
        assertThat(starter().environment(Service.ORCHESTRATOR, wiring))
                .containsEntry("ALIGNLAB_ORCHESTRATOR_MONITOR_URL", "http://127.0.0.1:8283");
    }

    @Test
    void inferenceHasNeitherDatabaseNorBroker() throws IOException {
        Map<String, String> env = starter().environment(Service.INFERENCE, wiring);

        assertThat(env).doesNotContainKeys("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_PASSWORD",
                "KAFKA_BOOTSTRAP_SERVERS");
        assertThat(env).containsEntry("ALIGNLAB_INFERENCE_MODEL_STORE", repo.resolve("models").toString());
        assertThat(repo.resolve("models")).isDirectory();
    }
}
