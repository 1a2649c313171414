package org.alignlab.monitor.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The checkpoint consumer connects as the channels do: in the cluster, TLS with SCRAM from the same {@code KAFKA_*}
 * environment (k8s/base/common-config.yaml and each Deployment's KAFKA_SASL_JAAS_CONFIG).
 */
class CheckpointReaderTest {

    /** The connector's map as Quarkus builds it from kafka.* keys and KAFKA_* variables, lower-cased and dotted. */
    private static final Map<String, Object> CONNECTOR = Map.of(
            "bootstrap.servers", "alignlab-kafka-kafka-bootstrap.alignlab.svc:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config",
            "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"monitor\";",
            "ssl.truststore.type", "PEM",
            "ssl.truststore.location", "/etc/alignlab/kafka-ca/ca.crt",
            "group.id", "monitor",
            "health-enabled", "true");

    @Test
    void theConsumerTakesTheChannelsSecuritySettings() {
        Properties props = new CheckpointReader(CONNECTOR).consumerProperties();

        assertThat(props).containsEntry("bootstrap.servers", "alignlab-kafka-kafka-bootstrap.alignlab.svc:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", CONNECTOR.get("sasl.jaas.config"))
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.truststore.location", "/etc/alignlab/kafka-ca/ca.crt")
                .containsEntry("enable.auto.commit", "false");
    }

    @Test
    void itJoinsNoGroupAndTakesNoChannelSettings() {
        Properties props = new CheckpointReader(CONNECTOR).consumerProperties();

        assertThat(props).doesNotContainKeys("group.id", "health-enabled");
    }

    @Test
    void locallyThereIsNothingButTheBootstrapServers() {
        Properties props = new CheckpointReader(Map.of("bootstrap.servers", "127.0.0.1:19092", "group.id", "monitor"))
                .consumerProperties();

        assertThat(props).containsEntry("bootstrap.servers", "127.0.0.1:19092").doesNotContainKey("security.protocol");
    }

    @Test
    void withoutBootstrapServersItRefusesToStart() {
        assertThatThrownBy(() -> new CheckpointReader(Map.of("security.protocol", "SASL_SSL")))
                .hasMessageContaining("kafka.bootstrap.servers");
    }
}
