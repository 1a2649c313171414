package org.alignlab.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackOptionsTest {

    @TempDir
    Path repo;

    @Test
    void defaultsToTheRepositorysRunDirAndOwnInfrastructure() {
        StackOptions options = StackOptions.fromEnvironment(Map.of("ALIGNLAB_HOME", repo.toString()), null);

        assertThat(options.repoRoot()).isEqualTo(repo);
        assertThat(options.runDir().root()).isEqualTo(repo.resolve("deploy/local/.run"));
        assertThat(options.ports().offset()).isZero();
        assertThat(options.externalDatabase()).isNull();
        assertThat(options.externalKafka()).isNull();
    }

    @Test
    void theOptionBeatsTheEnvironmentForTheRunDir() {
        Map<String, String> env = Map.of("ALIGNLAB_HOME", repo.toString(), "ALIGNLAB_RUN_DIR",
                repo.resolve("env").toString());

        assertThat(StackOptions.fromEnvironment(env, null).runDir().root()).isEqualTo(repo.resolve("env"));
        assertThat(StackOptions.fromEnvironment(env, repo.resolve("opt")).runDir().root())
                .isEqualTo(repo.resolve("opt"));
    }

    @Test
    void aRunDirRemembersItsPortOffsetUnlessTheEnvironmentSaysOtherwise() throws IOException {
        Path run = repo.resolve("run");
        Files.createDirectories(run);
        Files.writeString(run.resolve("port-offset"), "300\n");

        assertThat(StackOptions.fromEnvironment(Map.of("ALIGNLAB_HOME", repo.toString()), run).ports().offset())
                .isEqualTo(300);
        assertThat(
                StackOptions.fromEnvironment(Map.of("ALIGNLAB_HOME", repo.toString(), "ALIGNLAB_PORT_OFFSET", "7"), run)
                        .ports().offset())
                .isEqualTo(7);
    }

    @Test
    void externalBrokerAndDatabaseComeFromTheEnvironment() {
        StackOptions options = StackOptions.fromEnvironment(Map.of(
                "ALIGNLAB_HOME", repo.toString(),
                "KAFKA_BOOTSTRAP_SERVERS", "broker:9092",
                "ALIGNLAB_DB_URL", "jdbc:postgresql://db:5432/alignlab",
                "ALIGNLAB_DB_USER", "alignlab",
                "ALIGNLAB_DB_PASSWORD", "secret"), null);

        assertThat(options.externalKafka()).isEqualTo("broker:9092");
        assertThat(options.externalDatabase())
                .isEqualTo(new StackOptions.Database("jdbc:postgresql://db:5432/alignlab", "alignlab", "secret"));
    }

    @Test
    void aBadOffsetIsAnErrorTheUserCanRead() {
        assertThatThrownBy(() -> StackOptions.fromEnvironment(
                Map.of("ALIGNLAB_HOME", repo.toString(), "ALIGNLAB_PORT_OFFSET", "lots"), null))
                .isInstanceOf(LauncherException.class)
                .hasMessage("ALIGNLAB_PORT_OFFSET: port offset must be an integer, got 'lots'");
    }
}
