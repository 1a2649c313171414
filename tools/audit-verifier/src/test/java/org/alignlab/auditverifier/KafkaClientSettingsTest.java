package org.alignlab.auditverifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier's consumer authenticates like the services' channels, from the same variables or a file. */
class KafkaClientSettingsTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"audit-verifier\" password=\"p\";";

    /** What a pod with alignlab-common and the audit-verifier KafkaUser's Secret has in its environment. */
    private static final Map<String, String> CLUSTER_ENV = Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", "alignlab-kafka-kafka-bootstrap.alignlab.svc:9093",
            "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
            "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
            "KAFKA_SASL_JAAS_CONFIG", JAAS,
            "KAFKA_SSL_TRUSTSTORE_TYPE", "PEM",
            "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/alignlab/kafka-ca/ca.crt",
            "PATH", "/usr/bin");

    @TempDir
    Path dir;

    @Test
    void theServicesVariablesBecomeClientProperties() {
        KafkaClientSettings settings = KafkaClientSettings.from(CLUSTER_ENV, null);

        assertThat(settings.properties()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", JAAS,
                "ssl.truststore.type", "PEM",
                "ssl.truststore.location", "/etc/alignlab/kafka-ca/ca.crt"));
    }

    @Test
    void aPropertiesFileWinsOverTheEnvironment() throws IOException {
        Path file = Files.writeString(dir.resolve("client.properties"),
                "security.protocol=SASL_SSL\nssl.truststore.location=/tmp/ca.crt\n");

        KafkaClientSettings settings = KafkaClientSettings.from(Map.of("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT"), file);

        assertThat(settings.properties()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("ssl.truststore.location", "/tmp/ca.crt");
    }

    @Test
    void theConsumerCarriesTheSettingsAndNoGroup() {
        Map<String, Object> config = KafkaCheckpoints.consumerConfig("broker:9093",
                KafkaClientSettings.from(CLUSTER_ENV, null));

        assertThat(config).containsEntry("bootstrap.servers", "broker:9093").containsEntry("security.protocol",
                "SASL_SSL").containsEntry("sasl.jaas.config", JAAS).doesNotContainKey("group.id");
    }

    @Test
    void withNothingGivenTheClientSpeaksPlaintextAsTheLocalBrokerDoes() {
        assertThat(KafkaClientSettings.from(Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092"), null).properties())
                .isEmpty();
    }
}
