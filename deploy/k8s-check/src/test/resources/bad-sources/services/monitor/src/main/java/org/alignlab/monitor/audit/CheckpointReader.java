// The monitor's checkpoint reader before issue 19, cut to what PlainKafkaClients reads: a plain consumer built from
// the bootstrap servers alone, reading audit.checkpoints. (Test data, not compiled.)
package org.alignlab.monitor.audit;

public class CheckpointReader {

    CheckpointReader(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public List<AuditCheckpoint> readAll() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.partitionsFor(Topics.AUDIT_CHECKPOINTS, DEADLINE);
        }
    }
}
