package org.alignlab.chaos;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.alignlab.infra.KafkaAccess;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends records as an agent would, and keeps sending one until the broker acknowledges it: a broker the run has
 * killed is only a delay. A retried send may land twice, which is what a real agent's retry does too.
 */
final class Publisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final Duration giveUpAfter;

    Publisher(KafkaAccess kafka, Duration giveUpAfter) {
        Properties props = new Properties();
        props.putAll(kafka.clientProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "20000");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(4 * 1024 * 1024));
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.giveUpAfter = giveUpAfter;
    }

    /** Sends and waits for the acknowledgement; returns the number of attempts it took. */
    int send(String topic, String key, byte[] value) throws InterruptedException {
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
                return attempts;
            } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the broker did not take a record on " + topic + " within "
                            + giveUpAfter.toSeconds() + " s: " + e, e);
                }
                Thread.sleep(1000);
            }
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
