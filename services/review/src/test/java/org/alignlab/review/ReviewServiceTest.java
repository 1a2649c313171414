package org.alignlab.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.crypto.Ed25519;
import org.alignlab.contracts.crypto.OriginSigner;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.AuditEvent;
import org.alignlab.contracts.events.AuditEventType;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.ResourceUsage;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.events.ReviewVerdict;
import org.alignlab.contracts.events.RunEnvironment;
import org.alignlab.contracts.events.SeedMetrics;
import org.alignlab.contracts.events.Split;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.security.Roles;
import org.alignlab.infra.KafkaProbe;
import org.alignlab.review.quarantine.ResultQuarantine;
import org.alignlab.review.round.ReviewFlow;
import org.alignlab.testing.TestInfrastructure;
import org.alignlab.testing.TestProducers;
import org.alignlab.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, restrictToAnnotatedClass = false)
class ReviewServiceTest {

    @Inject
    ReviewFlow flow;
    @Inject
    ResultQuarantine quarantine;

    private static final KafkaProbe KAFKA = TestInfrastructure.kafkaProbe();
    /** Consumers of a freshly started app on a loaded 2-core machine can take well over the default 30 s. */
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");
    /** A key that is not the executor's. */
    private static final KeyPair IMPOSTOR = Ed25519.generate();

    @Test
    void aCandidateThatReplicatesIsAcceptedAndOneThatOnlyFitTheProxyIsRejected() throws Exception {
        UUID goal = UUID.randomUUID();
        AgentAction baseline = action(goal, "Baseline: the family's defaults", Map.of(), null);
        AgentAction real = action(goal, "auxiliary loss raises PGR", Map.of("auxLossAlpha", 0.5), baseline.id());
        AgentAction proxy = action(goal, "more epochs raise PGR", Map.of("epochs", 40), baseline.id());
        for (AgentAction action : List.of(baseline, real, proxy)) {
            send(Topics.AGENT_ACTIONS, goal, EventCodec.encode(action));
        }
        send(Topics.EXPERIMENT_RESULTS, goal, EventCodec.encode(result(baseline, seed -> 0.40 + noise(seed))));
        send(Topics.EXPERIMENT_RESULTS, goal, EventCodec.encode(result(real, seed -> 0.55 + noise(seed))));
        send(Topics.EXPERIMENT_RESULTS, goal, EventCodec.encode(result(proxy, seed -> 0.55 + noise(seed))));

        List<AgentAction> replications = replicationsOf(goal, 3);
        assertThat(replications).allSatisfy(r -> {
            assertThat(r.agent()).isEqualTo(Agent.REVIEW);
            assertThat(r.type()).isEqualTo(ActionType.REPLICATE_EXPERIMENT);
            assertThat(r.spec().split()).isEqualTo(Split.HELDOUT);
            assertThat(r.spec().seeds()).hasSize(10);
        });
        assertThat(replications).extracting(AgentAction::parentActionId)
                .containsExactlyInAnyOrder(baseline.id(), real.id(), proxy.id());
        for (AgentAction r : replications) {
            // On held-out data only the real candidate keeps its gain.
            double mean = r.parentActionId().equals(real.id()) ? 0.55 : 0.40;
            send(Topics.EXPERIMENT_RESULTS, goal, EventCodec.encode(result(r, seed -> mean + noise(seed))));
        }

        List<Review> reviews = reviewsOf(goal, 2).stream().map(r -> EventCodec.decode(r.value(), Review.class))
                .toList();
        Review accepted = reviews.stream().filter(r -> r.claimId().equals(real.id())).findFirst().orElseThrow();
        Review rejected = reviews.stream().filter(r -> r.claimId().equals(proxy.id())).findFirst().orElseThrow();
        assertThat(accepted.verdict()).isEqualTo(ReviewVerdict.ACCEPTED);
        assertThat(accepted.effect()).isCloseTo(0.15, org.assertj.core.api.Assertions.within(0.02));
        assertThat(accepted.adjustedP()).isLessThan(0.05);
        assertThat(accepted.interval().get(0)).isPositive();
        assertThat(accepted.actionIds()).hasSize(4).contains(real.id(), baseline.id())
                .contains(replicationFor(replications, real.id()), replicationFor(replications, baseline.id()));
        assertThat(accepted.rationale()).contains("Welch").contains("Benjamini–Hochberg").contains("across 2 claim");
        assertThat(rejected.verdict()).isEqualTo(ReviewVerdict.REJECTED);
        assertThat(rejected.flags()).contains("overfitToProxy");
        assertThat(claimVerdict(real.id())).isEqualTo("ACCEPTED");
        assertThat(claimVerdict(proxy.id())).isEqualTo("REJECTED");
    }

    /**
     * Issue 16: a result altered after its run is caught by re-execution. Its mismatch withdraws the published
     * review of the claim resting on it (a superseding review of the same claim), and no other: the honest claim of
     * the same goal, whose result the audit reproduced, stays accepted.
     */
    @Test
    void aResultThatDidNotReproduceWithdrawsTheAcceptedClaimRestingOnItAndNoOther() throws Exception {
        UUID goal = UUID.randomUUID();
        AgentAction baseline = action(goal, "Baseline: the family's defaults", Map.of(), null);
        AgentAction altered = action(goal, "auxiliary loss raises PGR", Map.of("auxLossAlpha", 0.5), baseline.id());
        AgentAction honest = action(goal, "a wider strong model raises PGR", Map.of("hidden", 256), baseline.id());
        for (AgentAction action : List.of(baseline, altered, honest)) {
            send(Topics.AGENT_ACTIONS, goal, EventCodec.encode(action));
            send(Topics.EXPERIMENT_RESULTS, goal, EventCodec.encode(result(action,
                    seed -> (action == baseline ? 0.40 : 0.55) + noise(seed))));
        }
        send(Topics.AUDIT_EVENTS, goal, EventCodec.encode(audit(honest, AuditEventType.RESULT_REPRODUCED,
                "re-ran in a fresh sandbox: pgr matches")));
        List<AgentAction> replications = replicationsOf(goal, 3);
        for (AgentAction r : replications) {
            double mean = r.parentActionId().equals(baseline.id()) ? 0.40 : 0.55;
            send(Topics.EXPERIMENT_RESULTS, goal, EventCodec.encode(result(r, seed -> mean + noise(seed))));
        }
        assertThat(reviewsOf(goal, 2)).extracting(r -> EventCodec.decode(r.value(), Review.class).verdict())
                .containsOnly(ReviewVerdict.ACCEPTED);

        UUID tampered = replicationFor(replications, altered.id());
        AuditEvent mismatch = audit(tampered, goal, AuditEventType.RESULT_MISMATCH,
                "stored pgr 0.5500 but the re-run gave 0.4010");
        send(Topics.AUDIT_EVENTS, goal, EventCodec.encode(mismatch));

        Review withdrawn = EventCodec.decode(reviewsOf(goal, 3).get(2).value(), Review.class);
        assertThat(withdrawn.claimId()).isEqualTo(altered.id());
        assertThat(withdrawn.verdict()).isEqualTo(ReviewVerdict.REJECTED);
        assertThat(withdrawn.quarantinedActions()).containsExactly(tampered);
        assertThat(withdrawn.flags()).contains("result-quarantined", "replicated-heldout");
        assertThat(withdrawn.rationale()).startsWith("Withdrawn: the result of action " + tampered)
                .contains("re-run gave 0.4010").contains("Review before the quarantine: Candidate " + altered.id());
        withToken(Roles.RESEARCHER).queryParam("goalId", goal.toString()).get("/api/reviews")
                .then().statusCode(200)
                .body("$", hasSize(2))
                .body("find { it.claimId == '" + altered.id() + "' }.verdict", equalTo("REJECTED"))
                .body("find { it.claimId == '" + honest.id() + "' }.verdict", equalTo("ACCEPTED"));
        assertThat(claimVerdict(altered.id())).isEqualTo("REJECTED");
        assertThat(claimVerdict(honest.id())).isEqualTo("ACCEPTED");
        assertThat(count("review.quarantined_results", goal)).isEqualTo(1);
        // Redelivered, the mismatch changes nothing and sends nothing.
        assertThat(quarantine.quarantine(mismatch)).isEqualTo(new ResultQuarantine.Outcome(false, List.of()));
        assertThat(withToken(Roles.OPERATOR).get("/q/metrics").then().statusCode(200).extract().asString().lines())
                .anyMatch(line -> line.startsWith("alignlab_results_quarantined_total") && !line.endsWith(" 0.0"));
    }

    /**
     * A quarantine that arrives before the claim is decided keeps it from ever being published as accepted; here a
     * RESULT_NOT_MEASURED (a metric that did not move on fresh seeds), which quarantines as a mismatch does.
     */
    @Test
    void aResultQuarantinedBeforeItsClaimIsDecidedKeepsTheClaimFromBeingAccepted() throws Exception {
        UUID goal = UUID.randomUUID();
        AgentAction baseline = action(goal, "Baseline", Map.of(), null);
        AgentAction candidate = action(goal, "auxiliary loss raises PGR", Map.of("auxLossAlpha", 0.5),
                baseline.id());
        for (AgentAction action : List.of(baseline, candidate)) {
            send(Topics.AGENT_ACTIONS, goal, EventCodec.encode(action));
            send(Topics.EXPERIMENT_RESULTS, goal, EventCodec.encode(result(action,
                    seed -> (action == baseline ? 0.40 : 0.55) + noise(seed))));
        }
        List<AgentAction> replications = replicationsOf(goal, 2);
        send(Topics.AUDIT_EVENTS, goal, EventCodec.encode(audit(candidate, AuditEventType.RESULT_NOT_MEASURED,
                "these metrics came out exactly the same, so they do not depend on the seed: pgr")));
        await().atMost(WAIT).until(() -> count("review.quarantined_results", goal) == 1);
        for (AgentAction r : replications) {
            // Held-out replications that would carry the claim on their own.
            double mean = r.parentActionId().equals(baseline.id()) ? 0.40 : 0.55;
            send(Topics.EXPERIMENT_RESULTS, goal, EventCodec.encode(result(r, seed -> mean + noise(seed))));
        }

        Review review = EventCodec.decode(reviewsOf(goal, 1).get(0).value(), Review.class);
        assertThat(review.claimId()).isEqualTo(candidate.id());
        assertThat(review.verdict()).isEqualTo(ReviewVerdict.REJECTED);
        assertThat(review.quarantinedActions()).containsExactly(candidate.id());
        assertThat(review.flags()).contains("result-quarantined");
        assertThat(claimVerdict(candidate.id())).isEqualTo("REJECTED");
        await().atMost(WAIT).until(() -> unsent(goal) == 0);
        assertThat(KAFKA.readAll(Topics.REVIEWS, r -> goal.toString().equals(r.key()))).hasSize(1);
    }

    /**
     * Issue 16, anomaly detection against history: five earlier runs of one configuration, in other goals, are its
     * history. A candidate of that configuration far outside them is held for a human (not ACCEPTED, flagged, with
     * the comparison in its review), while an ordinary candidate of the same configuration is accepted as usual.
     */
    @Test
    void aResultFarOutsideEarlierRunsOfItsConfigurationHoldsItsClaimAndAnOrdinaryOneDoesNot() throws Exception {
        // A configuration no other test runs, so that its history is exactly the runs below.
        Map<String, Object> configuration = Map.of("auxLossAlpha", 0.37, "hidden", 72);
        List<UUID> earlierGoals = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID earlierGoal = UUID.randomUUID();
            // Each on its own seeds: a seed run again is the same draw, and the history needs 15 distinct ones.
            AgentAction run = action(earlierGoal, "an earlier run of the configuration", configuration, null,
                    IntStream.rangeClosed(10 * i + 11, 10 * i + 15).boxed().toList());
            double shift = i * 0.002;
            send(Topics.AGENT_ACTIONS, earlierGoal, EventCodec.encode(run));
            send(Topics.EXPERIMENT_RESULTS, earlierGoal, EventCodec.encode(result(run,
                    seed -> 0.50 + shift + noise(seed))));
            earlierGoals.add(earlierGoal);
        }
        await().atMost(WAIT).until(() -> {
            int recorded = 0;
            for (UUID earlierGoal : earlierGoals) {
                recorded += count("review.run_history", earlierGoal);
            }
            return recorded == 5;
        });

        UUID goal = UUID.randomUUID();
        AgentAction baseline = action(goal, "Baseline", Map.of(), null);
        AgentAction outlier = action(goal, "auxiliary loss in a narrower model", configuration, baseline.id());
        UUID ordinaryGoal = UUID.randomUUID();
        AgentAction ordinaryBaseline = action(ordinaryGoal, "Baseline", Map.of(), null);
        AgentAction ordinary = action(ordinaryGoal, "auxiliary loss in a narrower model", configuration,
                ordinaryBaseline.id());
        for (AgentAction action : List.of(baseline, outlier, ordinaryBaseline, ordinary)) {
            if (action == ordinaryBaseline) {
                // The outlier is judged first; being anomalous, it is no history for the ordinary run.
                await().atMost(WAIT).until(() -> rows("SELECT count(*) FROM review.run_history WHERE action_id = ?",
                        List.of(outlier.id()), rs -> rs.getInt(1)).get(0) == 1);
            }
            double mean = action == outlier ? 0.95 : action == ordinary ? 0.50 : 0.40;
            send(Topics.AGENT_ACTIONS, action.goalId(), EventCodec.encode(action));
            send(Topics.EXPERIMENT_RESULTS, action.goalId(), EventCodec.encode(result(action,
                    seed -> mean + noise(seed))));
        }
        List<AgentAction> replications = new ArrayList<>(replicationsOf(goal, 2));
        replications.addAll(replicationsOf(ordinaryGoal, 2));
        for (AgentAction r : replications) {
            // Held-out, both candidates keep a gain (the held-out split is another configuration, with no history).
            double mean = r.parentActionId().equals(outlier.id()) || r.parentActionId().equals(ordinary.id()) ? 0.50
                    : 0.40;
            send(Topics.EXPERIMENT_RESULTS, r.goalId(), EventCodec.encode(result(r, seed -> mean + noise(seed))));
        }

        Review held = EventCodec.decode(reviewsOf(goal, 1).get(0).value(), Review.class);
        assertThat(held.claimId()).isEqualTo(outlier.id());
        assertThat(held.verdict()).isEqualTo(ReviewVerdict.INCONCLUSIVE);
        assertThat(held.flags()).contains("result-anomalous", "replicated-heldout");
        assertThat(held.anomalies()).singleElement().satisfies(anomaly -> {
            assertThat(anomaly.actionId()).isEqualTo(outlier.id());
            assertThat(anomaly.metric()).isEqualTo("pgr");
            assertThat(anomaly.value()).isCloseTo(0.95, org.assertj.core.api.Assertions.within(0.03));
            assertThat(anomaly.historyMedian()).isCloseTo(0.50, org.assertj.core.api.Assertions.within(0.03));
            assertThat(anomaly.historyRuns()).isEqualTo(5);
            assertThat(anomaly.historySeeds()).isEqualTo(25);
            assertThat(anomaly.historySpread()).isPositive();
            assertThat(anomaly.robustZ()).isGreaterThan(5);
        });
        assertThat(held.rationale()).startsWith("Held for a human: the result of action " + outlier.id())
                .contains("Review before the hold: ACCEPTED. Candidate " + outlier.id());
        assertThat(claimVerdict(outlier.id())).isEqualTo("INCONCLUSIVE");
        withToken(Roles.RESEARCHER).queryParam("goalId", goal.toString()).get("/api/reviews")
                .then().statusCode(200)
                .body("[0].verdict", equalTo("INCONCLUSIVE"))
                .body("[0].anomalies[0].actionId", equalTo(outlier.id().toString()));

        Review accepted = EventCodec.decode(reviewsOf(ordinaryGoal, 1).get(0).value(), Review.class);
        assertThat(accepted.claimId()).isEqualTo(ordinary.id());
        assertThat(accepted.verdict()).isEqualTo(ReviewVerdict.ACCEPTED);
        assertThat(accepted.flags()).doesNotContain("result-anomalous");
        assertThat(accepted.anomalies()).isNull();
        assertThat(rows("SELECT judgement FROM review.run_history WHERE action_id = ?", List.of(ordinary.id()),
                rs -> rs.getString(1)).get(0)).startsWith("pgr ").contains("of 25 seeds' values in 5 earlier runs");
        assertThat(withToken(Roles.OPERATOR).get("/q/metrics").then().statusCode(200).extract().asString().lines())
                .anyMatch(line -> line.startsWith("alignlab_results_anomalous_total") && !line.endsWith(" 0.0"));
    }

    /** Whoever can write to audit.events still cannot withdraw a claim: only the executor's mismatch counts. */
    @Test
    void aMismatchNotSignedByTheExecutorIsDeadLetteredAndQuarantinesNothing() throws Exception {
        UUID goal = UUID.randomUUID();
        AgentAction run = action(goal, "auxiliary loss raises PGR", Map.of("auxLossAlpha", 0.5), null);
        OriginSigner impostor = new OriginSigner(IMPOSTOR.getPrivate(), IMPOSTOR.getPublic());
        AuditEvent forged = impostor.sign(new AuditEvent(UUID.randomUUID(), goal, run.id(),
                AuditEventType.RESULT_MISMATCH, "stored pgr 0.55 but the re-run gave 0.40", null, START,
                impostor.keyId(), null));
        AuditEvent altered = audit(run, AuditEventType.RESULT_MISMATCH, "stored pgr 0.55 but the re-run gave 0.40");
        altered = new AuditEvent(altered.id(), altered.goalId(), altered.actionId(), altered.type(),
                "the executor never said this", altered.traceId(), altered.at(), altered.keyId(), altered.signature());

        for (AuditEvent event : List.of(forged, altered)) {
            String payload = EventCodec.encode(event);
            send(Topics.AUDIT_EVENTS, goal, payload);
            ConsumerRecord<String, String> dead = KAFKA.await(Topics.dlq(Topics.AUDIT_EVENTS), 1,
                    r -> payload.equals(r.value()) && KafkaProbe.header(r, Topics.DLQ_REASON_HEADER) != null
                            && KafkaProbe.header(r, Topics.DLQ_REASON_HEADER).contains(event.id().toString()),
                    WAIT).get(0);
            assertThat(KafkaProbe.header(dead, Topics.DLQ_REASON_HEADER))
                    .containsAnyOf("not the executor's", "does not verify");
        }
        assertThat(count("review.quarantined_results", goal)).isZero();
    }

    @Test
    void aBlockedReplicationLeavesTheClaimInconclusive() throws Exception {
        UUID goal = UUID.randomUUID();
        AgentAction baseline = action(goal, "Baseline", Map.of(), null);
        AgentAction candidate = action(goal, "wider strong model", Map.of("hidden", 256), baseline.id());
        send(Topics.AGENT_ACTIONS, goal, EventCodec.encode(baseline));
        send(Topics.AGENT_ACTIONS, goal, EventCodec.encode(candidate));
        send(Topics.EXPERIMENT_RESULTS, goal, EventCodec.encode(result(baseline, seed -> 0.40 + noise(seed))));
        send(Topics.EXPERIMENT_RESULTS, goal, EventCodec.encode(result(candidate, seed -> 0.50 + noise(seed))));

        List<AgentAction> replications = replicationsOf(goal, 2);
        for (AgentAction r : replications) {
            if (r.parentActionId().equals(candidate.id())) {
                send(Topics.MONITOR_VERDICTS, goal, EventCodec.encode(verdict(r, Decision.BLOCK)));
            } else {
                send(Topics.EXPERIMENT_RESULTS, goal, EventCodec.encode(result(r, seed -> 0.40 + noise(seed))));
            }
        }

        Review review = EventCodec.decode(reviewsOf(goal, 1).get(0).value(), Review.class);
        assertThat(review.claimId()).isEqualTo(candidate.id());
        assertThat(review.verdict()).isEqualTo(ReviewVerdict.INCONCLUSIVE);
        assertThat(review.flags()).containsExactly("not-replicated");
        assertThat(review.actionIds()).contains(candidate.id(), baseline.id(), replicationFor(replications,
                candidate.id()));
    }

    @Test
    void aRunWithNothingToCompareIsReviewedOnItsOwnAndRedeliveryResendsTheSameReview() throws Exception {
        UUID goal = UUID.randomUUID();
        AgentAction lonely = action(goal, "Question: does it generalise?", Map.of("hidden", 32), null);
        send(Topics.AGENT_ACTIONS, goal, EventCodec.encode(lonely));
        String payload = EventCodec.encode(result(lonely, seed -> 0.4));

        send(Topics.EXPERIMENT_RESULTS, goal, payload);
        ConsumerRecord<String, String> first = reviewsOf(goal, 1).get(0);
        send(Topics.EXPERIMENT_RESULTS, goal, payload);

        List<ConsumerRecord<String, String>> both = reviewsOf(goal, 2);
        assertThat(both).extracting(ConsumerRecord::value).containsExactly(first.value(), first.value());
        Review review = EventCodec.decode(first.value(), Review.class);
        assertThat(first.key()).isEqualTo(goal.toString());
        assertThat(review.claimId()).isEqualTo(lonely.id());
        assertThat(review.verdict()).isEqualTo(ReviewVerdict.INCONCLUSIVE);
        assertThat(review.rationale()).contains("no baseline");
        assertThat(count("review.results", goal)).isEqualTo(1);
        withToken(Roles.RESEARCHER).queryParam("goalId", goal.toString()).get("/api/reviews")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].claimId", equalTo(lonely.id().toString()));
        assertThat(withToken(Roles.OPERATOR).get("/q/metrics").then().statusCode(200).extract().asString().lines())
                .anyMatch(line -> line.startsWith("alignlab_reviews_published_total{")
                        && line.contains("verdict=\"INCONCLUSIVE\""));
    }

    @Test
    void aResultWhoseActionNeverArrivesIsStillReviewedAndAFailureIsRejected() throws Exception {
        UUID goal = UUID.randomUUID();
        AgentAction unseen = action(goal, "never published", Map.of(), null);
        ExperimentResult failed = TestProducers.executorSigned(new ExperimentResult(unseen.id(), goal,
                ExperimentStatus.FAILED, "exit code 3", Map.of(), List.of(), START, START.plusSeconds(1), 1000,
                new ResourceUsage(1, 100), new RunEnvironment("test", "0.36.0", "2.7.1"), "boom", null, null, null));

        send(Topics.EXPERIMENT_RESULTS, goal, EventCodec.encode(failed));

        // The test profile's orphan grace is 45 s (consumers of a freshly started app can take that long to join).
        Review review = EventCodec.decode(KAFKA.await(Topics.REVIEWS, 1, r -> goal.toString().equals(r.key()),
                Duration.ofSeconds(120)).get(0).value(), Review.class);
        assertThat(review.verdict()).isEqualTo(ReviewVerdict.REJECTED);
        assertThat(review.rationale()).contains("FAILED").contains("exit code 3");
        assertThat(review.flags()).containsExactly("run-failed");
    }

    @Test
    void invalidEventsGoToTheirDeadLetterQueuesWithTheReason() throws Exception {
        String result = "{\"actionId\":\"" + UUID.randomUUID() + "\",\"status\":\"MAYBE\"}";
        String verdict = "{\"actionId\":\"" + UUID.randomUUID() + "\",\"decision\":\"PERHAPS\"}";

        KAFKA.send(Topics.EXPERIMENT_RESULTS, "bad", result);
        KAFKA.send(Topics.MONITOR_VERDICTS, "bad", verdict);

        ConsumerRecord<String, String> dead = KAFKA.await(Topics.dlq(Topics.EXPERIMENT_RESULTS), 1,
                r -> result.equals(r.value())).get(0);
        assertThat(KafkaProbe.header(dead, Topics.DLQ_REASON_HEADER)).isNotNull().contains("invalid ExperimentResult");
        ConsumerRecord<String, String> deadVerdict = KAFKA.await(Topics.dlq(Topics.MONITOR_VERDICTS), 1,
                r -> verdict.equals(r.value())).get(0);
        assertThat(KafkaProbe.header(deadVerdict, Topics.DLQ_REASON_HEADER)).isNotNull().contains("invalid Verdict");
    }

    /**
     * One goal's events are settled on three consumer threads and the sweeper at once, and redelivered: each
     * replication its round plans must be queued once and reach {@code agent.actions} once. The goal's lock lets one
     * transaction plan the round, which queues its replications on the outbox; the relay sends each queued row.
     */
    @Test
    void concurrentEventsOfOneGoalSendEachReplicationExactlyOnce() throws Exception {
        UUID goal = UUID.randomUUID();
        AgentAction baseline = action(goal, "Baseline", Map.of(), null);
        AgentAction candidate = action(goal, "wider strong model", Map.of("hidden", 256), baseline.id());
        flow.onAction(baseline);
        flow.onAction(candidate);
        ExperimentResult baselineResult = result(baseline, seed -> 0.40 + noise(seed));
        ExperimentResult candidateResult = result(candidate, seed -> 0.50 + noise(seed));
        List<Runnable> events = List.of(() -> flow.onResult(baselineResult), () -> flow.onResult(candidateResult),
                () -> flow.onQuietRound(goal, 1), () -> flow.onAction(candidate));

        // Every thread delivers the goal's events over and over until the quiet period has passed and the round is
        // planned, so several of them (and the sweeper) try to plan it at the same moment.
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> deliveries = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int first = i;
                deliveries.add(threads.submit(() -> {
                    go.await();
                    long deadline = System.nanoTime() + WAIT.toNanos();
                    for (int n = first; count("review.review_rounds", goal) == 0; n++) {
                        assertThat(System.nanoTime()).as("round planned in time").isLessThan(deadline);
                        events.get(n % events.size()).run();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> delivery : deliveries) {
                delivery.get(WAIT.toSeconds() + 10, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        List<UUID> queued = queuedReplications(goal);
        assertThat(queued).hasSize(2).doesNotHaveDuplicates();
        List<AgentAction> sent = replicationsOf(goal, 2);
        await().atMost(WAIT).until(() -> unsent(goal) == 0);
        // Everything queued for the goal is sent by now: the topic holds each replication once, and nothing else.
        assertThat(KAFKA.readAll(Topics.AGENT_ACTIONS, r -> goal.toString().equals(r.key())
                && r.value().contains("REPLICATE_EXPERIMENT")))
                .extracting(r -> EventCodec.decode(r.value(), AgentAction.class).id())
                .containsExactlyInAnyOrderElementsOf(queued);
        assertThat(sent).extracting(AgentAction::parentActionId)
                .containsExactlyInAnyOrder(baseline.id(), candidate.id());
    }

    @Test
    void reviewsNeedAGoalIdThatIsAUuid() {
        withToken(Roles.RESEARCHER).get("/api/reviews")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("goalId"));
    }

    /** Deterministic spread around the mean, the same for every configuration. */
    private static double noise(int seed) {
        return ((seed * 7919L) % 11 - 5) / 250.0;
    }

    private static AgentAction action(UUID goal, String hypothesis, Map<String, Object> params, UUID parent) {
        return action(goal, hypothesis, params, parent, List.of(1, 2, 3, 4, 5));
    }

    private static AgentAction action(UUID goal, String hypothesis, Map<String, Object> params, UUID parent,
            List<Integer> seeds) {
        return new AgentAction(UUID.randomUUID(), goal, 1, Agent.IDEATION, "search", ActionType.RUN_EXPERIMENT,
                parent, hypothesis, new ExperimentSpec("weak-to-strong", params, seeds,
                        Split.VALIDATION, new ResourceRequest(60, 1024, 120), null),
                START);
    }

    private static ExperimentResult result(AgentAction action, IntToDoubleFunction pgr) {
        List<SeedMetrics> perSeed = action.spec().seeds().stream()
                .map(seed -> new SeedMetrics(seed, Map.of("pgr", pgr.applyAsDouble(seed)))).toList();
        double mean = perSeed.stream().mapToDouble(s -> s.metrics().get("pgr")).average().orElseThrow();
        return TestProducers.executorSigned(new ExperimentResult(action.id(), action.goalId(),
                ExperimentStatus.SUCCEEDED, null, Map.of("pgr", mean), perSeed, START, START.plusSeconds(12), 12_000,
                new ResourceUsage(20.5, 900), new RunEnvironment("test", "0.36.0", "2.7.1"), "done", null, null,
                null));
    }

    private static AuditEvent audit(AgentAction action, AuditEventType type, String detail) {
        return audit(action.id(), action.goalId(), type, detail);
    }

    /** An audit event as the executor publishes it after re-running the action. */
    private static AuditEvent audit(UUID actionId, UUID goal, AuditEventType type, String detail) {
        return TestProducers.executorSigned(new AuditEvent(UUID.randomUUID(), goal, actionId, type, detail, null,
                START.plusSeconds(60), null, null));
    }

    private static Verdict verdict(AgentAction action, Decision decision) {
        return TestProducers.monitorSigned(new Verdict(action.id(), action.goalId(), decision, 1.0, List.of(), null,
                "control-2", "monitor", null, 1, "0".repeat(64), START.plusSeconds(1), null, null));
    }

    private static void send(String topic, UUID goal, String payload) throws Exception {
        KAFKA.send(topic, goal.toString(), payload);
    }

    private static List<AgentAction> replicationsOf(UUID goal, int count) {
        return KAFKA.await(Topics.AGENT_ACTIONS, count, r -> goal.toString().equals(r.key())
                && r.value().contains("REPLICATE_EXPERIMENT"), WAIT).stream()
                .map(r -> EventCodec.decode(r.value(), AgentAction.class)).toList();
    }

    private static UUID replicationFor(List<AgentAction> replications, UUID parent) {
        return replications.stream().filter(r -> r.parentActionId().equals(parent)).findFirst().orElseThrow().id();
    }

    private static List<ConsumerRecord<String, String>> reviewsOf(UUID goalId, int count) {
        return KAFKA.await(Topics.REVIEWS, count, r -> goalId.toString().equals(r.key()), WAIT);
    }

    private static String claimVerdict(UUID claimId) throws Exception {
        return rows("SELECT verdict FROM review.claims WHERE claim_id = ?", List.of(claimId), rs -> rs.getString(1))
                .stream().findFirst().orElse(null);
    }

    private static int count(String table, UUID goalId) throws Exception {
        return rows("SELECT count(*) FROM " + table + " WHERE goal_id = ?", List.of(goalId), rs -> rs.getInt(1))
                .get(0);
    }

    /** The ids of the replications queued on the outbox for a goal, one per row. */
    private static List<UUID> queuedReplications(UUID goalId) throws Exception {
        return rows("SELECT payload FROM review.outbox WHERE topic = ? AND record_key = ? ORDER BY id",
                List.of(Topics.AGENT_ACTIONS, goalId.toString()),
                rs -> EventCodec.decode(rs.getString(1), AgentAction.class).id());
    }

    /** Rows queued on the outbox for a goal that the relay has not sent yet. */
    private static int unsent(UUID goalId) throws Exception {
        return rows("SELECT count(*) FROM review.outbox WHERE record_key = ? AND published_at IS NULL",
                List.of(goalId.toString()), rs -> rs.getInt(1)).get(0);
    }

    private static <T> List<T> rows(String sql, List<Object> parameters, Column<T> column) throws Exception {
        try (Connection c = TestInfrastructure.superuser();
                PreparedStatement query = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            List<T> values = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    values.add(column.read(rs));
                }
            }
            return values;
        }
    }

    /** Reads one value of the current row. */
    @FunctionalInterface
    private interface Column<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static RequestSpecification withToken(String role) {
        return given().auth().oauth2(TestTokens.forRole(role));
    }
}
