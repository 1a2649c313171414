package org.alignlab.auditverifier;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * How the verifier authenticates to the broker: the same settings the services' channels take. From the environment,
 * {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_*} and {@code KAFKA_SSL_*}, named as Quarkus maps them
 * ({@code KAFKA_SASL_JAAS_CONFIG} is {@code sasl.jaas.config}), so a pod with the services' ConfigMap and its
 * KafkaUser's Secret needs nothing else; then a client properties file ({@code --kafka-config}, like
 * kafka-console-consumer's {@code --consumer.config}), whose keys win. Without either, the client speaks PLAINTEXT,
 * which is what the local stack's broker listens on.
 */
record KafkaClientSettings(Map<String, String> properties) {

    private static final String PREFIX = "KAFKA_";

    KafkaClientSettings {
        properties = Map.copyOf(properties);
    }

    static KafkaClientSettings from(Map<String, String> environment, Path file) {
        Map<String, String> properties = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(PREFIX + "SECURITY_") || name.startsWith(PREFIX + "SASL_")
                    || name.startsWith(PREFIX + "SSL_")) {
                properties.put(name.substring(PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        if (file != null) {
            Properties loaded = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                loaded.load(reader);
            } catch (IOException e) {
                throw new UnusableInputException("cannot read " + file, e);
            }
            loaded.stringPropertyNames().forEach(key -> properties.put(key, loaded.getProperty(key).strip()));
        }
        return new KafkaClientSettings(properties);
    }
}
