// Test code builds clients against the test broker; only src/main is deployed, so this is not counted.
class Ignored {
    Object consumer = new KafkaConsumer<>(Map.of());
}
