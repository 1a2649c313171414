package org.alignlab.platform.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * The failure strategy of every incoming channel ({@code failure-strategy=alignlab-policy}): a record goes to the
 * channel's dead-letter queue only when {@link ConsumerFailurePolicy} decided so ({@link DeadLetterException});
 * any other failure stops the channel without committing (SmallRye's {@code fail}), so the record is delivered
 * again instead of being counted as handled. The dead-letter queue is SmallRye's own, configured as usual
 * ({@code dead-letter-queue.topic}).
 */
@ApplicationScoped
@Identifier(DeadLetterOnDecision.STRATEGY)
public class DeadLetterOnDecision implements KafkaFailureHandler.Factory {

    public static final String STRATEGY = "alignlab-policy";

    private final KafkaFailureHandler.Factory deadLetterQueue;
    private final KafkaFailureHandler.Factory failStop;

    DeadLetterOnDecision(
            @Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE) KafkaFailureHandler.Factory deadLetterQueue,
            @Identifier(KafkaFailureHandler.Strategy.FAIL) KafkaFailureHandler.Factory failStop) {
        this.deadLetterQueue = deadLetterQueue;
        this.failStop = failStop;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
            KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler deadLetter = deadLetterQueue.create(config, vertx, consumer, reportFailure);
        KafkaFailureHandler stop = failStop.create(config, vertx, consumer, reportFailure);
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                return reason instanceof DeadLetterException ? deadLetter.handle(record, reason, metadata)
                        : stop.handle(record, reason, metadata);
            }

            @Override
            public void terminate() {
                deadLetter.terminate();
                stop.terminate();
            }
        };
    }
}
