package org.alignlab.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.net.ConnectException;
import java.security.KeyPair;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.alignlab.contracts.MetricNames;
import org.alignlab.contracts.crypto.Ed25519;
import org.alignlab.contracts.crypto.OriginSigner;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.contracts.json.EventCodec;
import org.junit.jupiter.api.Test;

class ConsumerFailurePolicyTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<DeadLettered> deadLettered = new ArrayList<>();
    private final List<Long> waits = new ArrayList<>();
    private static final KeyPair EXECUTOR = Ed25519.generate();
    private final ConsumerFailurePolicy policy = new ConsumerFailurePolicy(
            new ConsumerFailurePolicy.RetrySettings(5, Duration.ofMillis(500), Duration.ofSeconds(30)), meters,
            new Recording(deadLettered), waits::add,
            new EventAuthenticity(Optional.empty(), Optional.of(EXECUTOR.getPublic())));

    /** Issue 14: a forged SUCCEEDED result became a goal's evidence. A result the executor did not sign is poison. */
    @Test
    void aResultTheExecutorDidNotSignIsDeadLetteredAndNeverHandled() {
        OriginSigner executor = new OriginSigner(EXECUTOR.getPrivate(), EXECUTOR.getPublic());
        KeyPair other = Ed25519.generate();
        OriginSigner impostor = new OriginSigner(other.getPrivate(), other.getPublic());
        ExperimentResult unsigned = new ExperimentResult(UUID.randomUUID(), UUID.randomUUID(),
                ExperimentStatus.SUCCEEDED, null, Map.of("pgr", 0.9), List.of(), Instant.parse("2026-12-01T10:00:00Z"),
                Instant.parse("2026-12-01T10:01:00Z"), 60000, null, null, null, null, null, null);
        List<ExperimentResult> handled = new ArrayList<>();

        for (ExperimentResult forged : List.of(unsigned, impostor.sign(unsigned.signedBy(impostor.keyId())))) {
            assertThatThrownBy(() -> policy.consume("experiment.results", EventCodec.encode(forged),
                    ExperimentResult.class, handled::add))
                    .isInstanceOf(DeadLetterException.class).hasMessageContaining("not the executor's");
        }
        ExperimentResult genuine = executor.sign(unsigned.signedBy(executor.keyId()));
        policy.consume("experiment.results", EventCodec.encode(genuine), ExperimentResult.class, handled::add);

        assertThat(handled).containsExactly(genuine);
        assertThat(deadLettered).hasSize(2);
    }

    @Test
    void withoutTheMonitorsKeyAVerdictIsNeverBelieved() {
        Verdict verdict = new Verdict(UUID.randomUUID(), UUID.randomUUID(), Decision.ALLOW, 0.1, List.of(), null, "p",
                "monitor", null, 3, "a".repeat(64), Instant.parse("2026-12-01T10:00:00Z"), null, null);
        List<Verdict> handled = new ArrayList<>();

        assertThatThrownBy(() -> policy.consume("monitor.verdicts", EventCodec.encode(verdict), Verdict.class,
                handled::add)).isInstanceOf(DeadLetterException.class)
                .hasMessageContaining("alignlab.keys.monitor-public-key is not set");
        assertThat(handled).isEmpty();
    }

    @Test
    void aRecordThatFailsItsSchemaIsDeadLetteredAtOnceWithTheReason() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> policy.consume("research.rounds", "{\"goalId\": 7}", RoundRequested.class,
                round -> calls.incrementAndGet()))
                .isInstanceOf(DeadLetterException.class).hasMessageContaining("goalId");

        assertThat(calls).hasValue(0);
        assertThat(waits).isEmpty();
        assertThat(deadLettered).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo("research.rounds");
            assertThat(record.payload()).isEqualTo("{\"goalId\": 7}");
        });
        assertThat(meters.counter(MetricNames.DLQ_MESSAGES, MetricNames.TAG_TOPIC, "research.rounds").count())
                .isEqualTo(1.0);
    }

    @Test
    void aFailureThatRepeatsForTheRecordIsDeadLetteredAfterTheConfiguredAttempts() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> policy.run("agent.actions", "{}", () -> {
            calls.incrementAndGet();
            throw new ArithmeticException("BigInteger would overflow supported range");
        })).isInstanceOf(DeadLetterException.class)
                .hasMessage("failed 5 times: BigInteger would overflow supported range");

        assertThat(calls).hasValue(5);
        assertThat(waits).containsExactly(500L, 1000L, 2000L, 4000L);
        assertThat(deadLettered).hasSize(1);
    }

    @Test
    void aTransientFailureIsRetriedAsLongAsItTakesAndNeverDeadLettered() {
        AtomicInteger calls = new AtomicInteger();

        policy.run("reviews", "{}", () -> {
            if (calls.incrementAndGet() < 12) {
                throw new IllegalStateException("cannot reach the database",
                        new SQLException("connection refused", "08001"));
            }
        });

        assertThat(calls).hasValue(12);
        assertThat(waits).hasSize(11).endsWith(30_000L, 30_000L);
        assertThat(deadLettered).isEmpty();
        assertThat(retries("reviews", "TRANSIENT")).isEqualTo(11);
    }

    @Test
    void transientFailuresDoNotUseUpARecordsAttempts() {
        AtomicInteger calls = new AtomicInteger();

        policy.run("reviews", "{}", () -> {
            int call = calls.incrementAndGet();
            if (call <= 4) {
                throw new IllegalArgumentException("odd value");
            }
            if (call <= 10) {
                throw new RuntimeException(new ConnectException("broker down"));
            }
        });

        assertThat(calls).hasValue(11);
        assertThat(deadLettered).isEmpty();
    }

    @Test
    void aHandlerCanDeclareItsRecordPoison() {
        assertThatThrownBy(() -> policy.run("audit.events", "{}", () -> {
            throw new PoisonRecordException("a result from an unknown producer");
        })).isInstanceOf(DeadLetterException.class).hasMessage("a result from an unknown producer");
        assertThat(waits).isEmpty();
    }

    @Test
    void theReasonIsBoundedWhateverTheExceptionSays() {
        String huge = "x".repeat(50_000);

        assertThatThrownBy(() -> policy.run("reviews", "{}", () -> {
            throw new PoisonRecordException(huge);
        })).satisfies(e -> assertThat(e.getMessage()).hasSizeLessThanOrEqualTo(ConsumerFailurePolicy.MAX_REASON + 1));
    }

    @Test
    void aBatchWithOneRecordThatAlwaysFailsIsHandledRecordByRecordAndOnlyThatRecordIsDeadLettered() {
        List<List<String>> handled = new ArrayList<>();
        Map<String, String> dead = new java.util.LinkedHashMap<>();

        policy.runBatch("agent.actions", List.of("a", "poison", "b"), record -> record, batch -> {
            if (batch.contains("poison")) {
                throw new IllegalStateException("no handler can take " + batch);
            }
            handled.add(batch);
        }, (record, decision) -> dead.put(record, decision.getMessage()));

        assertThat(handled).containsExactly(List.of("a"), List.of("b"));
        assertThat(dead).containsOnlyKeys("poison");
        assertThat(dead.get("poison")).startsWith("failed 5 times");
        assertThat(deadLettered).singleElement().satisfies(record -> assertThat(record.payload()).isEqualTo("poison"));
    }

    @Test
    void aBatchThatFailsTransientlyIsRetriedWholeAndNothingIsDeadLettered() {
        AtomicInteger calls = new AtomicInteger();
        List<List<String>> handled = new ArrayList<>();

        policy.runBatch("agent.actions", List.of("a", "b"), record -> record, batch -> {
            if (calls.incrementAndGet() < 4) {
                throw new RuntimeException(new ConnectException("database down"));
            }
            handled.add(batch);
        }, (record, decision) -> {
            throw new AssertionError("nothing may be dead-lettered");
        });

        assertThat(handled).containsExactly(List.of("a", "b"));
        assertThat(waits).hasSize(3);
        assertThat(deadLettered).isEmpty();
        assertThat(retries("agent.actions", "TRANSIENT")).as("records retried, 2 a time").isEqualTo(6);
    }

    private double retries(String topic, String kind) {
        return meters.counter(MetricNames.CONSUMER_RETRIES, MetricNames.TAG_TOPIC, topic, MetricNames.TAG_KIND, kind)
                .count();
    }

    @Test
    void failuresAreClassifiedByTheirWholeCauseChain() {
        assertThat(FailureKind.of(new RuntimeException(new SQLException("deadlock detected", "40P01"))))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(new RuntimeException(new SQLException("invalid byte sequence", "22021"))))
                .isEqualTo(FailureKind.UNKNOWN);
        assertThat(FailureKind.of(new SQLException("Acquisition timeout while waiting for new connection")))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(new Unavailable())).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(new org.apache.kafka.common.errors.TimeoutException("no ack")))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(new NullPointerException())).isEqualTo(FailureKind.UNKNOWN);
    }

    private static final class Unavailable extends RuntimeException implements TransientFailure {
    }

    /** Records what the policy fires; nothing else of CDI's Event is used. */
    private record Recording(List<DeadLettered> fired) implements Event<DeadLettered> {

        @Override
        public void fire(DeadLettered event) {
            fired.add(event);
        }

        @Override
        public <U extends DeadLettered> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends DeadLettered> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<DeadLettered> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends DeadLettered> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends DeadLettered> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
