// The verifier's reader before issue 19: PLAINTEXT, whatever the listener wants. (Test data, not compiled.)
package org.alignlab.auditverifier;

final class KafkaCheckpoints {

    static Read readAll(String bootstrapServers) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.partitionsFor("audit.checkpoints");
        }
    }
}
