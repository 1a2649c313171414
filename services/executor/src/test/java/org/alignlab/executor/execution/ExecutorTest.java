package org.alignlab.executor.execution;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.audit.ChainLink;
import org.alignlab.contracts.crypto.Ed25519;
import org.alignlab.contracts.crypto.TicketSigner;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.crypto.OriginSigner;
import org.alignlab.contracts.events.AuditEvent;
import org.alignlab.contracts.events.AuditEventType;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExecutionTicket;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.SeedMetrics;
import org.alignlab.contracts.events.Split;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.Json;
import org.alignlab.contracts.json.Sha256;
import org.alignlab.contracts.security.Roles;
import org.alignlab.executor.honeypot.Honeypot;
import org.alignlab.executor.honeypot.HoneypotInjector;
import org.alignlab.executor.honeypot.HoneypotLedger;
import org.alignlab.executor.honeypot.HoneypotLibrary;
import org.alignlab.executor.reexecution.Reexecution;
import org.alignlab.executor.reexecution.ReexecutionRepository;
import org.alignlab.infra.KafkaProbe;
import org.alignlab.testing.TestInfrastructure;
import org.alignlab.testing.TestProducers;
import org.alignlab.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The executor against a real broker, a real database and real bubblewrap, driven through its topics, checking
 * tickets against a monitor played by {@link MonitorStub} (a real HTTP server over a real hash chain). The
 * workload is the stand-in runner of {@link StandInRunner}.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(StandInRunner.class)
@QuarkusTestResource(MonitorStub.class)
class ExecutorTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final KafkaProbe KAFKA = TestInfrastructure.kafkaProbe();

    @Inject
    ExecutionRepository executions;

    @Inject
    ExecutionRecords records;

    @Inject
    ReexecutionRepository reexecutions;

    @Inject
    HoneypotInjector honeypotInjector;

    @Inject
    HoneypotLibrary honeypotLibrary;

    @Inject
    HoneypotLedger honeypots;

    @Inject
    Instance<SpanExporter> spanExporters;

    @ConfigProperty(name = "alignlab.executor.monitor-public-key")
    String monitorPublicKey;

    @ConfigProperty(name = StandInRunner.TEST_PRIVATE_KEY)
    String monitorPrivateKey;

    @ConfigProperty(name = "alignlab.executor.signing-public-key")
    String executorPublicKey;

    private TicketSigner monitor;
    private MonitorStub auditLog;

    @BeforeEach
    void setUp() {
        monitor = new TicketSigner(Ed25519.decodePrivate(monitorPrivateKey), Ed25519.decodePublic(monitorPublicKey));
        auditLog = MonitorStub.running();
    }

    /**
     * Without the local stack's switch no exporter bean can be looked up, which is what keeps Quarkus exporting
     * OTLP to the collector in Kubernetes: the Zipkin exporter (platform-tracing) is in every service's jar.
     */
    @Test
    void spansGoToTheZipkinServerOnlyWhenTheLocalStackSaysSo() {
        assertThat(spanExporters.isUnsatisfied()).as("span exporters that can be looked up").isTrue();
    }

    @Test
    void runsAValidTicketInTheSandboxAndReportsStartResultAndFinish() throws Exception {
        ExecutionTicket ticket = sign(ticket(Instant.now().plusSeconds(300)));
        UUID actionId = ticket.action().id();

        send(ticket);

        ExperimentResult result = awaitEvents(Topics.EXPERIMENT_RESULTS, 1, ExperimentResult.class,
                r -> r.actionId().equals(actionId)).get(0);
        assertThat(result.status()).as(result.reason()).isEqualTo(ExperimentStatus.SUCCEEDED);
        assertThat(result.goalId()).isEqualTo(ticket.action().goalId());
        assertThat(OriginSigner.verifies(Ed25519.decodePublic(executorPublicKey), result.payloadHash(),
                result.signature())).as("signed with the executor's key").isTrue();
        assertThat(result.metrics()).containsEntry("accuracy", StandInRunner.ACCURACY)
                .as("the workload ran as the sandbox user").containsEntry("uid", 65534.0);
        assertThat(result.perSeed()).containsExactly(new SeedMetrics(7, Map.of("accuracy", StandInRunner.ACCURACY)),
                new SeedMetrics(8, Map.of("accuracy", StandInRunner.ACCURACY)));
        assertThat(result.environment().codeVersion()).isEqualTo("stand-in");
        assertThat(result.traceId()).matches("[0-9a-f]{32}");
        assertThat(result.logTail()).contains("stand-in runner done");
        assertThat(result.durationMs()).isPositive();
        assertThat(result.resources()).isNotNull();
        assertThat(result.finishedAt()).isAfter(result.startedAt());
        // Sent by the outbox relay, continuing the trace the ticket was handled in.
        assertThat(KAFKA.readAll(Topics.EXPERIMENT_RESULTS, r -> r.value().contains(actionId.toString())))
                .singleElement().satisfies(record -> assertThat(KafkaProbe.header(record, "traceparent"))
                        .contains(result.traceId()));

        List<AuditEvent> events = awaitEvents(Topics.AUDIT_EVENTS, 2, AuditEvent.class,
                e -> e.actionId().equals(actionId));
        assertThat(events).extracting(AuditEvent::type)
                .containsExactly(AuditEventType.EXECUTION_STARTED, AuditEventType.EXECUTION_FINISHED);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.traceId()).isEqualTo(result.traceId());
            assertThat(event.goalId()).isEqualTo(ticket.action().goalId());
            // Signed with the executor's own key: the monitor appends nothing else.
            assertThat(OriginSigner.verifies(Ed25519.decodePublic(executorPublicKey), event.payloadHash(),
                    event.signature())).isTrue();
        });
        assertThat(events.get(0).id()).isNotEqualTo(events.get(1).id());
        assertThat(events.get(0).detail()).contains("bubblewrap", ticket.ticketId().toString());
        assertThat(events.get(1).detail()).startsWith("SUCCEEDED after ");

        Execution stored = QuarkusTransaction.requiringNew().call(() -> executions.findById(actionId));
        assertThat(stored.status).isEqualTo("SUCCEEDED");
        assertThat(stored.ticketId).isEqualTo(ticket.ticketId());
        assertThat(stored.traceId).isEqualTo(result.traceId());
        assertThat(EventCodec.decode(stored.result, ExperimentResult.class)).isEqualTo(result);
    }

    @Test
    void refusesATicketSignedByAnotherKeyWithoutRunningIt() throws Exception {
        TicketSigner impostor = new TicketSigner(Ed25519.generate());
        ExecutionTicket unsigned = ticket(Instant.now().plusSeconds(300));
        ExecutionTicket forged = impostor.sign(new ExecutionTicket(unsigned.ticketId(), unsigned.action(),
                unsigned.contentHash(), unsigned.decision(), unsigned.auditSeq(), unsigned.auditHash(),
                unsigned.issuedAt(),
                unsigned.expiresAt(), impostor.keyId(), null));

        assertRefused(forged, "not signed by the monitor's key");
        given().auth().oauth2(TestTokens.forRole(Roles.OPERATOR)).when().get("/q/metrics").then().statusCode(200)
                .body(containsString("alignlab_tickets_rejected_total{reason=\"bad-signature\""));
    }

    /**
     * Issue 14: a ticket is bound to the exact content the monitor approved. One whose action does not hash to its
     * signed contentHash is refused, even with a valid signature and a committed approval behind it.
     */
    @Test
    void refusesASignedTicketWhoseActionIsNotTheContentItApproves() throws Exception {
        ExecutionTicket committed = ticket(Instant.now().plusSeconds(300));
        String approved = Sha256.ofCanonical(action());
        ExecutionTicket mismatched = sign(new ExecutionTicket(committed.ticketId(), committed.action(), approved,
                committed.decision(), committed.auditSeq(), committed.auditHash(), committed.issuedAt(),
                committed.expiresAt(), committed.keyId(), null));

        assertRefused(mismatched, "approves content " + approved);
        assertThat(auditLog.requestsFor(committed.auditSeq())).as("refused before the audit lookup").isZero();
        given().auth().oauth2(TestTokens.forRole(Roles.OPERATOR)).when().get("/q/metrics").then().statusCode(200)
                .body(containsString("alignlab_tickets_rejected_total{reason=\"content-mismatch\""));
    }

    @Test
    void refusesAnExpiredTicket() throws Exception {
        assertRefused(sign(ticket(Instant.now().minusSeconds(1))), "expired at");
    }

    @Test
    void refusesASignedTicketThatDoesNotQuoteItsCommittedAuditRecord() throws Exception {
        ExecutionTicket committed = ticket(Instant.now().plusSeconds(300));
        String otherHash = "f".repeat(64);
        ExecutionTicket mismatched = sign(new ExecutionTicket(committed.ticketId(), committed.action(),
                committed.contentHash(), committed.decision(), committed.auditSeq(), otherHash, committed.issuedAt(),
                committed.expiresAt(),
                committed.keyId(), null));

        assertRefused(mismatched, "does not match audit record " + committed.auditSeq());
        ExperimentResult result = awaitEvents(Topics.EXPERIMENT_RESULTS, 1, ExperimentResult.class,
                r -> r.actionId().equals(committed.action().id())).get(0);
        assertThat(result.reason()).contains("hash is " + committed.auditHash(), "the ticket quotes " + otherHash);
        given().auth().oauth2(TestTokens.forRole(Roles.OPERATOR)).when().get("/q/metrics").then().statusCode(200)
                .body(containsString("alignlab_tickets_rejected_total{reason=\"audit-mismatch\""));
    }

    @Test
    void refusesATicketForAnActionTheMonitorOnlyHeld() throws Exception {
        AgentAction action = action();
        ExecutionTicket ticket = sign(ticket(action, auditLog.append("VERDICT", action, "HOLD"),
                Instant.now().plusSeconds(300)));

        assertRefused(ticket, "recorded decision is HOLD, not ALLOW");
    }

    @Test
    void holdsATicketWhileTheMonitorIsDownOrFailingAndRunsItWhenItAnswers() throws Exception {
        ExecutionTicket ticket = sign(ticket(Instant.now().plusSeconds(300)));
        UUID actionId = ticket.action().id();

        auditLog.goDown();
        try {
            send(ticket);
            // Connections refused for a while, then answered with 503 until the executor has asked twice: the
            // ticket is retried all along, and is neither run, refused nor used up.
            Thread.sleep(Duration.ofSeconds(3).toMillis());
            auditLog.comeBackFailing(503);
            Awaitility.await().atMost(WAIT).until(() -> auditLog.requestsFor(ticket.auditSeq()) >= 2);
            assertThat(events(Topics.EXPERIMENT_RESULTS, ExperimentResult.class, r -> r.actionId().equals(actionId)))
                    .isEmpty();
            assertThat(events(Topics.AUDIT_EVENTS, AuditEvent.class, e -> e.actionId().equals(actionId))).isEmpty();
            assertThat(QuarkusTransaction.requiringNew().call(() -> executions.findByIdOptional(actionId)))
                    .isEmpty();
        } finally {
            auditLog.comeBack();
        }

        ExperimentResult result = awaitEvents(Topics.EXPERIMENT_RESULTS, 1, ExperimentResult.class,
                r -> r.actionId().equals(actionId)).get(0);
        assertThat(result.status()).as(result.reason()).isEqualTo(ExperimentStatus.SUCCEEDED);
        assertThat(awaitEvents(Topics.AUDIT_EVENTS, 2, AuditEvent.class, e -> e.actionId().equals(actionId)))
                .extracting(AuditEvent::type)
                .containsExactly(AuditEventType.EXECUTION_STARTED, AuditEventType.EXECUTION_FINISHED);
        assertThat(events(Topics.EXPERIMENT_RESULTS, ExperimentResult.class, r -> r.actionId().equals(actionId)))
                .hasSize(1);
    }

    @Test
    void runsATicketSentTwiceOnlyOnce() throws Exception {
        ExecutionTicket ticket = sign(ticket(Instant.now().plusSeconds(300)));
        UUID actionId = ticket.action().id();

        send(ticket);
        send(ticket);

        List<ExperimentResult> both = awaitEvents(Topics.EXPERIMENT_RESULTS, 2, ExperimentResult.class,
                r -> r.actionId().equals(actionId));
        // Tickets run concurrently, so the copy may be refused while the first is still running.
        assertThat(both).extracting(ExperimentResult::status)
                .containsExactlyInAnyOrder(ExperimentStatus.SUCCEEDED, ExperimentStatus.REFUSED);
        assertThat(both).filteredOn(r -> r.status() == ExperimentStatus.REFUSED).singleElement()
                .satisfies(refused -> assertThat(refused.reason())
                        .contains("replayed ticket", ticket.ticketId().toString()));
        List<AuditEvent> events = awaitEvents(Topics.AUDIT_EVENTS, 3, AuditEvent.class,
                e -> e.actionId().equals(actionId));
        assertThat(events).extracting(AuditEvent::type).containsExactlyInAnyOrder(AuditEventType.EXECUTION_STARTED,
                AuditEventType.EXECUTION_FINISHED, AuditEventType.EXECUTION_REFUSED);
        assertThat(events).extracting(AuditEvent::type).filteredOn(type -> type != AuditEventType.EXECUTION_REFUSED)
                .containsExactly(AuditEventType.EXECUTION_STARTED, AuditEventType.EXECUTION_FINISHED);
    }

    /**
     * Reproduction (issue 14): after the executor's {@code used_tickets} and {@code executions} rows were deleted (as
     * whoever holds its database credentials can), the same signed ticket ran again within its lifetime. The
     * monitor's chain still records the first start, and the executor now asks it.
     */
    @Test
    void aTicketWhoseRowsWereDeletedIsRefusedOnTheAuditChainsWord() throws Exception {
        ExecutionTicket ticket = sign(ticket(Instant.now().plusSeconds(300)));
        UUID actionId = ticket.action().id();
        send(ticket);
        assertThat(awaitEvents(Topics.EXPERIMENT_RESULTS, 1, ExperimentResult.class,
                r -> r.actionId().equals(actionId)).get(0).status()).isEqualTo(ExperimentStatus.SUCCEEDED);
        // What the monitor appends on the executor's EXECUTION_STARTED; the stub plays its chain.
        auditLog.append("EXECUTION_STARTED", ticket.action(), null);

        QuarkusTransaction.requiringNew().run(() -> {
            executions.delete("actionId", actionId);
            executions.getEntityManager().createQuery("delete from UsedTicket where ticketId = :id")
                    .setParameter("id", ticket.ticketId()).executeUpdate();
        });
        send(ticket);

        List<ExperimentResult> results = awaitEvents(Topics.EXPERIMENT_RESULTS, 2, ExperimentResult.class,
                r -> r.actionId().equals(actionId));
        assertThat(results).extracting(ExperimentResult::status)
                .containsExactly(ExperimentStatus.SUCCEEDED, ExperimentStatus.REFUSED);
        assertThat(results.get(1).reason()).contains("the audit chain records that action " + actionId);
    }

    /**
     * Found by deploy/chaos: an executor killed with {@code kill -9} while a run was in progress left that run RUNNING
     * for ever, with EXECUTION_STARTED and no EXECUTION_FINISHED in the audit chain; the ticket, delivered again after
     * the restart, was only refused as replayed. Here the dead process is played by its committed claim (what
     * {@code start} writes before a run begins); the ticket coming back must close the run FAILED, audited, without
     * running it a second time.
     */
    @Test
    void closesARunThatADeadExecutorLeftRunningWithoutRunningItAgain() throws Exception {
        ExecutionTicket ticket = sign(ticket(Instant.now().plusSeconds(300)));
        UUID actionId = ticket.action().id();
        assertThat(records.start(ticket, "bubblewrap", null)).as("the dead process's claim").isEmpty();

        send(ticket);

        ExperimentResult result = awaitEvents(Topics.EXPERIMENT_RESULTS, 1, ExperimentResult.class,
                r -> r.actionId().equals(actionId)).get(0);
        assertThat(result.status()).isEqualTo(ExperimentStatus.FAILED);
        assertThat(result.reason()).contains("executor stopped while this run was in progress", "not run again");
        assertThat(result.metrics()).as("nothing ran in this process").isEmpty();
        List<AuditEvent> events = awaitEvents(Topics.AUDIT_EVENTS, 2, AuditEvent.class,
                e -> e.actionId().equals(actionId));
        assertThat(events).extracting(AuditEvent::type)
                .containsExactly(AuditEventType.EXECUTION_STARTED, AuditEventType.EXECUTION_FINISHED);
        assertThat(events.get(1).detail()).startsWith("FAILED after ");
        Execution stored = QuarkusTransaction.requiringNew().call(() -> executions.findById(actionId));
        assertThat(stored.status).isEqualTo("FAILED");
        assertThat(stored.finishedAt).isNotNull();

        // Delivered once more, it is refused as replayed: the run stays closed, with one result and one finish.
        send(ticket);
        awaitEvents(Topics.EXPERIMENT_RESULTS, 2, ExperimentResult.class, r -> r.actionId().equals(actionId));
        assertThat(events(Topics.EXPERIMENT_RESULTS, ExperimentResult.class, r -> r.actionId().equals(actionId)))
                .extracting(ExperimentResult::status)
                .containsExactly(ExperimentStatus.FAILED, ExperimentStatus.REFUSED);
        assertThat(events(Topics.AUDIT_EVENTS, AuditEvent.class, e -> e.actionId().equals(actionId)))
                .extracting(AuditEvent::type).containsExactly(AuditEventType.EXECUTION_STARTED,
                        AuditEventType.EXECUTION_FINISHED, AuditEventType.EXECUTION_REFUSED);
    }

    /**
     * Issue 13: a workload that printed one NUL byte to stderr lost an executor slot for ever (its tail could not be
     * stored, so the run never finished and never freed its slot) and left its audit trail open. More such runs than
     * there are slots must each end audited, with their output stored safely, and the next ticket must still run.
     */
    @Test
    void workloadsThatPrintWhatNoDatabaseMayHoldEndAuditedAndFreeTheirSlots() throws Exception {
        List<ExecutionTicket> hostile = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            AgentAction action = action(Map.of("stderr", "hostile"));
            hostile.add(sign(ticket(action, auditLog.allow(action), Instant.now().plusSeconds(300))));
        }
        for (ExecutionTicket ticket : hostile) {
            send(ticket);
        }

        for (ExecutionTicket ticket : hostile) {
            UUID actionId = ticket.action().id();
            ExperimentResult result = awaitEvents(Topics.EXPERIMENT_RESULTS, 1, ExperimentResult.class,
                    r -> r.actionId().equals(actionId)).get(0);
            assertThat(result.status()).as(result.reason()).isEqualTo(ExperimentStatus.SUCCEEDED);
            assertThat(result.logTail()).contains("a\\u0000b\\u001b[31m").doesNotContain("\u0000");
            assertThat(awaitEvents(Topics.AUDIT_EVENTS, 2, AuditEvent.class, e -> e.actionId().equals(actionId)))
                    .extracting(AuditEvent::type)
                    .containsExactly(AuditEventType.EXECUTION_STARTED, AuditEventType.EXECUTION_FINISHED);
            Execution stored = QuarkusTransaction.requiringNew().call(() -> executions.findById(actionId));
            assertThat(stored.status).isEqualTo("SUCCEEDED");
        }
        ExecutionTicket next = sign(ticket(Instant.now().plusSeconds(300)));
        send(next);
        assertThat(awaitEvents(Topics.EXPERIMENT_RESULTS, 1, ExperimentResult.class,
                r -> r.actionId().equals(next.action().id())).get(0).status()).isEqualTo(ExperimentStatus.SUCCEEDED);
    }

    @Test
    void aRunRepeatedInAFreshSandboxReproducesItsStoredResult() throws Exception {
        ExperimentResult result = runToSuccess();
        UUID actionId = result.actionId();

        given().auth().oauth2(TestTokens.forRole(Roles.REVIEWER)).when().post("/api/reexecutions/" + actionId)
                .then().statusCode(202).body("reason", equalTo("REQUESTED"));

        AuditEvent outcome = awaitEvents(Topics.AUDIT_EVENTS, 3, AuditEvent.class,
                e -> e.actionId().equals(actionId)).get(2);
        assertThat(outcome.type()).isEqualTo(AuditEventType.RESULT_REPRODUCED);
        assertThat(outcome.detail()).contains("as recorded");
        assertThat(outcome.traceId()).as("in the action's trace").isEqualTo(result.traceId());
        assertThat(OriginSigner.verifies(Ed25519.decodePublic(executorPublicKey), outcome.payloadHash(),
                outcome.signature())).isTrue();
        given().auth().oauth2(TestTokens.forRole(Roles.OPERATOR)).when().get("/api/reexecutions/" + actionId)
                .then().statusCode(200).body("status", equalTo("REPRODUCED"));
        assertThat(events(Topics.EXPERIMENT_RESULTS, ExperimentResult.class, r -> r.actionId().equals(actionId)))
                .as("a re-run publishes no second result").hasSize(1);
    }

    @Test
    void aStoredResultAlteredAfterItsRunIsCaughtByReexecution() throws Exception {
        ExperimentResult result = runToSuccess();
        UUID actionId = result.actionId();
        Map<String, Double> inflated = new HashMap<>(result.metrics());
        inflated.put("accuracy", 0.99);
        ExperimentResult altered = new ExperimentResult(result.actionId(), result.goalId(), result.status(),
                result.reason(), inflated, result.perSeed(), result.startedAt(), result.finishedAt(),
                result.durationMs(), result.resources(), result.environment(), result.logTail(), result.traceId(),
                result.keyId(), result.signature());
        QuarkusTransaction.requiringNew().run(() -> executions.findById(actionId).result = EventCodec.encode(altered));

        given().auth().oauth2(TestTokens.forRole(Roles.OPERATOR)).when().post("/api/reexecutions/" + actionId)
                .then().statusCode(202);

        AuditEvent outcome = awaitEvents(Topics.AUDIT_EVENTS, 3, AuditEvent.class,
                e -> e.actionId().equals(actionId)).get(2);
        assertThat(outcome.type()).isEqualTo(AuditEventType.RESULT_MISMATCH);
        assertThat(outcome.detail()).contains("accuracy: recorded 0.99, reproduced " + StandInRunner.ACCURACY)
                .contains("signature is not the executor's");
        given().auth().oauth2(TestTokens.forRole(Roles.OPERATOR)).when().get("/q/metrics").then().statusCode(200)
                .body(containsString("alignlab_reexecutions_total{outcome=\"MISMATCH\""));
    }

    @Test
    void aScriptWhoseMetricsDoNotMoveWithTheSeedIsFlaggedAsAsserted() throws Exception {
        ExperimentResult result = runToSuccess(scriptAction(Map.of()));
        UUID actionId = result.actionId();

        given().auth().oauth2(TestTokens.forRole(Roles.REVIEWER)).when().post("/api/reexecutions/" + actionId)
                .then().statusCode(202);

        AuditEvent outcome = awaitEvents(Topics.AUDIT_EVENTS, 3, AuditEvent.class,
                e -> e.actionId().equals(actionId)).get(2);
        assertThat(outcome.type()).isEqualTo(AuditEventType.RESULT_NOT_MEASURED);
        assertThat(outcome.detail()).contains("it reproduced", "asserted, not measured", "accuracy, uid");
    }

    @Test
    void aScriptWhoseMetricsMoveWithTheSeedReproduces() throws Exception {
        ExperimentResult result = runToSuccess(scriptAction(Map.of("measure", 1)));
        UUID actionId = result.actionId();

        given().auth().oauth2(TestTokens.forRole(Roles.REVIEWER)).when().post("/api/reexecutions/" + actionId)
                .then().statusCode(202);

        AuditEvent outcome = awaitEvents(Topics.AUDIT_EVENTS, 3, AuditEvent.class,
                e -> e.actionId().equals(actionId)).get(2);
        assertThat(outcome.type()).as(outcome.detail()).isEqualTo(AuditEventType.RESULT_REPRODUCED);
        assertThat(outcome.detail()).contains("every metric moved on fresh seeds");
    }

    @Test
    void aRunThatCannotBeReadBackIsClosedUnverifiableAndBlocksNothingBehindIt() throws Exception {
        ExperimentResult unreadable = runToSuccess();
        QuarkusTransaction.requiringNew().run(() -> {
            // A run recorded before the executor kept what it ran, chosen when it finished after the upgrade.
            executions.findById(unreadable.actionId()).action = null;
            Reexecution row = new Reexecution();
            row.actionId = unreadable.actionId();
            row.goalId = unreadable.goalId();
            row.reason = Reexecution.Reason.SAMPLED.name();
            row.status = Reexecution.Status.PENDING.name();
            row.requestedAt = Instant.now().minusSeconds(60);
            reexecutions.persist(row);
        });
        ExperimentResult readable = runToSuccess();

        given().auth().oauth2(TestTokens.forRole(Roles.OPERATOR)).when()
                .post("/api/reexecutions/" + readable.actionId()).then().statusCode(202);

        AuditEvent outcome = awaitEvents(Topics.AUDIT_EVENTS, 3, AuditEvent.class,
                e -> e.actionId().equals(readable.actionId())).get(2);
        assertThat(outcome.type()).isEqualTo(AuditEventType.RESULT_REPRODUCED);
        given().auth().oauth2(TestTokens.forRole(Roles.OPERATOR)).when()
                .get("/api/reexecutions/" + unreadable.actionId()).then().statusCode(200)
                .body("status", equalTo("UNVERIFIABLE"));
        assertThat(events(Topics.AUDIT_EVENTS, AuditEvent.class, e -> e.actionId().equals(unreadable.actionId())))
                .as("nothing is claimed about its result").hasSize(2);
    }

    @Test
    void aRunThatNeverHappenedCannotBeRepeated() throws Exception {
        ExecutionTicket expired = sign(ticket(Instant.now().minusSeconds(1)));
        assertRefused(expired, "expired");

        given().auth().oauth2(TestTokens.forRole(Roles.REVIEWER)).when()
                .post("/api/reexecutions/" + expired.action().id()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    /** Runs a fresh action through a valid ticket and returns its SUCCEEDED result. */
    private ExperimentResult runToSuccess() throws Exception {
        return runToSuccess(action());
    }

    private ExperimentResult runToSuccess(AgentAction action) throws Exception {
        ExecutionTicket ticket = sign(ticket(action, auditLog.allow(action), Instant.now().plusSeconds(300)));
        send(ticket);
        ExperimentResult result = awaitEvents(Topics.EXPERIMENT_RESULTS, 1, ExperimentResult.class,
                r -> r.actionId().equals(ticket.action().id())).get(0);
        assertThat(result.status()).as(result.reason()).isEqualTo(ExperimentStatus.SUCCEEDED);
        return result;
    }

    /**
     * Live recall: a honeypot goes out on agent.actions as an ordinary proposal; the gate's ALLOW counts it missed and
     * its ticket is refused, audited, without a run; a BLOCK counts one caught; the operator's recall shows both.
     */
    @Test
    void aHoneypotTheGateAllowedIsRefusedAndCountedMissedAndOneItBlockedIsCaught() throws Exception {
        Random random = new Random(5);
        Honeypot allowed = honeypotInjector.inject(honeypotLibrary.draw("network", random).orElseThrow(), "operator");
        Honeypot blocked = honeypotInjector.inject(honeypotLibrary.draw("network", random).orElseThrow(), "operator");

        AgentAction proposal = awaitEvents(Topics.AGENT_ACTIONS, 1, AgentAction.class,
                a -> a.id().equals(allowed.actionId)).get(0);
        assertThat(proposal.goalId()).isEqualTo(allowed.goalId);
        assertThat(proposal.parentActionId()).isNull();
        assertThat(KAFKA.readAll(Topics.AGENT_ACTIONS, r -> r.value().contains(allowed.actionId.toString())))
                .singleElement().satisfies(record -> assertThat(KafkaProbe.header(record, "traceparent")).isNotNull());

        publishVerdict(proposal, Decision.ALLOW);
        publishVerdict(awaitEvents(Topics.AGENT_ACTIONS, 1, AgentAction.class,
                a -> a.id().equals(blocked.actionId)).get(0), Decision.BLOCK);
        await().atMost(WAIT).until(() -> outcomeOf(allowed) != null && outcomeOf(blocked) != null);
        assertThat(outcomeOf(allowed)).isEqualTo(Honeypot.MISSED);
        assertThat(outcomeOf(blocked)).isEqualTo(Honeypot.CAUGHT);

        assertRefused(sign(ticket(proposal, auditLog.allow(proposal), Instant.now().plusSeconds(300))),
                "honeypot (network)");
        assertThat(QuarkusTransaction.requiringNew().call(() -> honeypots.findById(allowed.actionId)).refusedAt)
                .isNotNull();

        JsonNode network = StreamSupport.stream(Json.parse(given().auth().oauth2(TestTokens.forRole(Roles.OPERATOR))
                .get("/api/honeypots/recall").then().statusCode(200).extract().asString()).path("categories")
                .spliterator(), false).filter(c -> "network".equals(c.path("category").asText())).findFirst()
                .orElseThrow();
        assertThat(network.path("caught").asLong()).isPositive();
        assertThat(network.path("missed").asLong()).isPositive();
        assertThat(network.path("recall").asDouble()).isStrictlyBetween(0.0, 1.0);
    }

    private String outcomeOf(Honeypot honeypot) {
        return QuarkusTransaction.requiringNew().call(() -> honeypots.findById(honeypot.actionId).outcome);
    }

    private static void publishVerdict(AgentAction action, Decision decision) throws Exception {
        Verdict verdict = TestProducers.monitorSigned(new Verdict(action.id(), action.goalId(), decision,
                decision == Decision.ALLOW ? 0.01 : 0.99, List.of(), null, "test", "monitor", null, 1,
                "0".repeat(64), Instant.now().truncatedTo(ChronoUnit.MILLIS), null, null));
        KAFKA.send(Topics.MONITOR_VERDICTS, action.goalId().toString(), EventCodec.encode(verdict));
    }

    @Test
    void sendsAPayloadThatIsNotATicketToTheDeadLetterQueue() throws Exception {
        String payload = "{not json " + UUID.randomUUID();

        KAFKA.send(Topics.EXECUTION_TICKETS, "key", payload);

        ConsumerRecord<String, String> dead = KAFKA.await(Topics.dlq(Topics.EXECUTION_TICKETS), 1,
                record -> payload.equals(record.value()), WAIT).get(0);
        assertThat(KafkaProbe.header(dead, Topics.DLQ_REASON_HEADER)).isNotNull()
                .contains("invalid ExecutionTicket", "not JSON");
    }

    private void assertRefused(ExecutionTicket ticket, String because) throws Exception {
        UUID actionId = ticket.action().id();

        send(ticket);

        ExperimentResult result = awaitEvents(Topics.EXPERIMENT_RESULTS, 1, ExperimentResult.class,
                r -> r.actionId().equals(actionId)).get(0);
        assertThat(result.status()).isEqualTo(ExperimentStatus.REFUSED);
        assertThat(result.reason()).contains(because);
        assertThat(result.metrics()).isEmpty();
        AuditEvent refused = awaitEvents(Topics.AUDIT_EVENTS, 1, AuditEvent.class,
                e -> e.actionId().equals(actionId)).get(0);
        assertThat(refused.type()).isEqualTo(AuditEventType.EXECUTION_REFUSED);
        assertThat(refused.detail()).contains(because);
        assertThat(events(Topics.AUDIT_EVENTS, AuditEvent.class, e -> e.actionId().equals(actionId))).hasSize(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> executions.findByIdOptional(actionId)))
                .as("no run recorded").isEmpty();
    }

    /** An unsigned ticket for a fresh action whose VERDICT ALLOW the monitor has committed. */
    private ExecutionTicket ticket(Instant expiresAt) {
        AgentAction action = action();
        return ticket(action, auditLog.allow(action), expiresAt);
    }

    /** An unsigned ALLOW ticket for the action that quotes this audit record. */
    private ExecutionTicket ticket(AgentAction action, ChainLink record, Instant expiresAt) {
        return new ExecutionTicket(UUID.randomUUID(), action, Sha256.ofCanonical(action), Decision.ALLOW,
                record.entry().seq(),
                record.hash(), Instant.now().truncatedTo(ChronoUnit.MILLIS),
                expiresAt.truncatedTo(ChronoUnit.MILLIS), monitor.keyId(), null);
    }

    private static AgentAction action() {
        return action(Map.of("epochs", 1));
    }

    private static AgentAction action(Map<String, Object> params) {
        ExperimentSpec spec = new ExperimentSpec("weak-to-strong", params, List.of(7, 8),
                Split.VALIDATION, new ResourceRequest(30, 256, 60), null);
        return new AgentAction(UUID.randomUUID(), UUID.randomUUID(), 1, Agent.IDEATION, "default",
                ActionType.RUN_EXPERIMENT, null, "a stand-in run", spec, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /** An agent's script; the stand-in plays the script runtime and ignores the source. */
    private static AgentAction scriptAction(Map<String, Object> params) {
        ExperimentSpec spec = new ExperimentSpec("script", params, List.of(7, 8), Split.VALIDATION,
                new ResourceRequest(30, 256, 60), "public class Probe {}");
        return new AgentAction(UUID.randomUUID(), UUID.randomUUID(), 1, Agent.IDEATION, "default",
                ActionType.RUN_EXPERIMENT, null, "a stand-in script", spec,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private ExecutionTicket sign(ExecutionTicket unsigned) {
        return monitor.sign(unsigned);
    }

    private void send(ExecutionTicket ticket) throws Exception {
        KAFKA.send(Topics.EXECUTION_TICKETS, ticket.action().goalId().toString(), EventCodec.encode(ticket));
    }

    /**
     * Waits for at least {@code count} matching events (ordered as on the topic) and returns those read by then.
     * Action ids are fresh per test, so reading the topic from its start finds only what this test caused.
     */
    private <T> List<T> awaitEvents(String topic, int count, Class<T> type, Predicate<T> filter) {
        return decoded(KAFKA.await(topic, count, record -> filter.test(EventCodec.decode(record.value(), type)), WAIT),
                type);
    }

    /** Every matching event on the topic now. */
    private <T> List<T> events(String topic, Class<T> type, Predicate<T> filter) {
        return decoded(KAFKA.readAll(topic, record -> filter.test(EventCodec.decode(record.value(), type))), type);
    }

    private static <T> List<T> decoded(List<ConsumerRecord<String, String>> records, Class<T> type) {
        return records.stream().map(record -> EventCodec.decode(record.value(), type)).toList();
    }
}
