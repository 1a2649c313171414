package org.alignlab.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.alignlab.infra.KafkaAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvFileTest {

    @Test
    void namesEveryServiceAndTheSharedParts(@TempDir Path dir) throws IOException {
        Map<Service, URI> urls = new EnumMap<>(Service.class);
        Ports ports = new Ports(200);
        for (Service s : Service.values()) {
            urls.put(s, URI.create("http://127.0.0.1:" + ports.service(s)));
        }
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("researcher", "eyJ.researcher.sig");
        tokens.put("reviewer", "eyJ.reviewer.sig");
        tokens.put("operator", "eyJ.operator.sig");
        EnvFile env = new EnvFile(urls, "jdbc:postgresql://127.0.0.1:15632/alignlab",
                KafkaAccess.scram("127.0.0.1:19292", EnvFile.AUDIT_VERIFIER, "kafka-secret"),
                new StackOptions.Database("jdbc:postgresql://127.0.0.1:15632/alignlab", EnvFile.AUDITOR, "db-secret"),
                "MCowBQYDK2VwAyEA", "MCowBQYDK2VwAyEB", dir, tokens);
        Path file = dir.resolve("alignlab.env");
        env.write(file);

        String text = Files.readString(file);
        Map<String, String> values = sourcedByAShell(file);
        assertThat(values).containsEntry("ALIGNLAB_ORCHESTRATOR_URL", "http://127.0.0.1:8281")
                .containsEntry("ALIGNLAB_IDEATION_URL", "http://127.0.0.1:8282")
                .containsEntry("ALIGNLAB_MONITOR_URL", "http://127.0.0.1:8283")
                .containsEntry("ALIGNLAB_EXECUTOR_URL", "http://127.0.0.1:8284")
                .containsEntry("ALIGNLAB_REVIEW_URL", "http://127.0.0.1:8285")
                .containsEntry("ALIGNLAB_INFERENCE_URL", "http://127.0.0.1:8286")
                .containsEntry("ALIGNLAB_JDBC_URL", "jdbc:postgresql://127.0.0.1:15632/alignlab")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19292")
                .containsEntry("ALIGNLAB_MONITOR_PUBLIC_KEY", "MCowBQYDK2VwAyEA")
                .containsEntry("ALIGNLAB_EXECUTOR_PUBLIC_KEY", "MCowBQYDK2VwAyEB")
                .containsEntry("ALIGNLAB_RUN_DIR", dir.toString())
                .containsEntry("ALIGNLAB_AUDIT_WITNESS_DIR", dir.resolve("data").resolve("audit-witness").toString())
                .containsEntry("ALIGNLAB_TOKEN_RESEARCHER", "eyJ.researcher.sig")
                .containsEntry("ALIGNLAB_TOKEN_REVIEWER", "eyJ.reviewer.sig")
                .containsEntry("ALIGNLAB_TOKEN_OPERATOR", "eyJ.operator.sig")
                .containsEntry("ALIGNLAB_AUDITOR_DB_USER", "auditor")
                .containsEntry("ALIGNLAB_AUDITOR_DB_PASSWORD", "db-secret")
                .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                .containsEntry("KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule"
                        + " required username=\"audit-verifier\" password=\"kafka-secret\";");
        assertThat(text.lines().filter(line -> !line.startsWith("#"))).hasSize(20);
        assertThat(text).contains("# Bearer tokens");
        // The tokens are credentials.
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    /** What a shell that sources the file ({@code set -a; . FILE}) exports, by name. */
    private static Map<String, String> sourcedByAShell(Path file) throws IOException {
        Process shell = new ProcessBuilder("bash", "-c", "set -a; . \"$0\"; env -0", file.toString())
                .redirectErrorStream(false).start();
        String exported = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> values = new LinkedHashMap<>();
        for (String entry : exported.split("\0")) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                values.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        return values;
    }
}
