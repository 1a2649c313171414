package org.alignlab.infra;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How one client reaches a broker: its address and, where the broker authenticates, the SASL settings of the
 * principal it acts as. The same settings in the three shapes clients take them: a Kafka client's properties, a
 * Quarkus service's configuration ({@code kafka.*}) and its environment ({@code KAFKA_*}).
 *
 * @param security security.protocol, sasl.mechanism and sasl.jaas.config; empty for a PLAINTEXT broker
 */
public record KafkaAccess(String bootstrapServers, Map<String, String> security) {

    public KafkaAccess {
        security = Map.copyOf(security);
    }

    public static KafkaAccess plaintext(String bootstrapServers) {
        return new KafkaAccess(bootstrapServers, Map.of());
    }

    /** SCRAM-SHA-512 over SASL_PLAINTEXT as {@code user}: the local broker listens on loopback only. */
    public static KafkaAccess scram(String bootstrapServers, String user, String password) {
        return new KafkaAccess(bootstrapServers, Map.of(
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", KafkaCredentials.MECHANISM,
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + user + "\" password=\"" + password + "\";"));
    }

    /** A Kafka client's configuration: bootstrap.servers and the security settings. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> properties = new LinkedHashMap<>(security);
        properties.put("bootstrap.servers", bootstrapServers);
        return properties;
    }

    /** A Quarkus service's configuration: {@code kafka.bootstrap.servers}, {@code kafka.sasl.jaas.config}, ... */
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        clientProperties().forEach((key, value) -> config.put("kafka." + key, value.toString()));
        return config;
    }

    /** The same as {@link #quarkusConfig()} as environment variables: {@code KAFKA_SASL_JAAS_CONFIG}, ... */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        quarkusConfig().forEach((key, value) -> env.put(key.replace('.', '_').toUpperCase(Locale.ROOT), value));
        return env;
    }
}
