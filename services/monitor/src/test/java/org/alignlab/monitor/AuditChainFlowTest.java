package org.alignlab.monitor;

import static io.restassured.RestAssured.given;
import static org.alignlab.monitor.MonitorFlows.TRACE_ID;
import static org.alignlab.monitor.MonitorFlows.assertVerified;
import static org.alignlab.monitor.MonitorFlows.auditEvent;
import static org.alignlab.monitor.MonitorFlows.recordsAbout;
import static org.alignlab.monitor.MonitorFlows.report;
import static org.alignlab.monitor.MonitorTopics.KAFKA;
import static org.alignlab.monitor.MonitorTopics.WAIT;
import static org.alignlab.monitor.MonitorTopics.awaitVerdicts;
import static org.alignlab.monitor.MonitorTopics.propose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.audit.ChainEntry;
import org.alignlab.contracts.audit.ChainLink;
import org.alignlab.contracts.crypto.Ed25519;
import org.alignlab.contracts.crypto.OriginSigner;
import org.alignlab.contracts.crypto.TicketVerifier;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.AuditCheckpoint;
import org.alignlab.contracts.events.AuditEvent;
import org.alignlab.contracts.events.AuditEventType;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.Split;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.Json;
import org.alignlab.contracts.json.Sha256;
import org.alignlab.contracts.security.Roles;
import org.alignlab.infra.KafkaProbe;
import org.alignlab.monitor.audit.AuditFacts;
import org.alignlab.monitor.audit.AuditHeadRepository;
import org.alignlab.monitor.audit.AuditLog;
import org.alignlab.monitor.audit.AuditRecordRepository;
import org.alignlab.monitor.audit.CheckpointPublisher;
import org.alignlab.monitor.tickets.SigningKeys;
import org.alignlab.testing.TestInfrastructure;
import org.alignlab.testing.TestTokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The audit chain end to end: appended by the gate and by executor events, checkpointed and signed, verified through
 * the HTTP API, and protected by the database itself (append-only, no forks under concurrent appends).
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TestSigningKeys.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TrustedModelStandIn.class, restrictToAnnotatedClass = false)
class AuditChainFlowTest {

    @Inject
    AuditLog auditLog;
    @Inject
    AuditRecordRepository records;
    @Inject
    SigningKeys signingKeys;

    @Test
    void signedCheckpointsOfTheChainArePublishedAndTheVerificationChecksThem() throws Exception {
        AgentAction action = TestActions.allowed();
        propose(action);
        long seq = awaitVerdicts(action, 1).get(0).auditSeq();

        String publicKey = ConfigProvider.getConfig().getValue("alignlab.monitor.signing-public-key", String.class);
        TicketVerifier verifier = new TicketVerifier(Ed25519.decodePublic(publicKey));
        List<AuditCheckpoint> checkpoints = KAFKA.read(Topics.AUDIT_CHECKPOINTS, 1,
                record -> EventCodec.decode(record.value(), AuditCheckpoint.class).seq() >= seq, WAIT).stream()
                .map(record -> EventCodec.decode(record.value(), AuditCheckpoint.class)).toList();
        assertThat(checkpoints).hasSize(1);
        assertThat(verifier.verify(checkpoints.get(0))).isTrue();
        assertThat(checkpoints.get(0).chain()).isEqualTo("main");

        given().auth().oauth2(TestTokens.forRole(Roles.REVIEWER)).get("/api/audit/verify").then().statusCode(200)
                .body("verified", equalTo(true))
                .body("checkpointsChecked", greaterThanOrEqualTo(1))
                .body("coveredSeq", greaterThanOrEqualTo((int) seq))
                .body("checkpointProblems", hasSize(0));
    }

    @Test
    void theApplicationRoleMayAppendButNotChangeAuditRecords() throws Exception {
        try (Connection db = TestInfrastructure.superuser()) {
            db.setAutoCommit(false);
            try (Statement sql = db.createStatement()) {
                sql.execute("SET LOCAL ROLE " + AuditHeadRepository.APPLICATION_ROLE);
                assertThatThrownBy(() -> sql.executeUpdate("UPDATE monitor.audit_log SET detail = 'forged'"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            } finally {
                db.rollback();
            }
        }
    }

    @Test
    void anAuditEventIsAppendedOnceWithItsTraceId() throws Exception {
        UUID goalId = UUID.randomUUID();
        UUID actionId = UUID.randomUUID();
        AuditEvent started = auditEvent(goalId, actionId, AuditEventType.EXECUTION_STARTED);
        report(started);
        report(started);
        // Same goal, same partition: once this one is in, the duplicate before it has been handled.
        report(auditEvent(goalId, actionId, AuditEventType.EXECUTION_FINISHED));

        Awaitility.await().atMost(WAIT).until(() -> recordsAbout(actionId).size() >= 2);
        JsonNode records = recordsAbout(actionId);
        assertThat(records).hasSize(2);
        assertThat(records.get(0).path("type").asText()).isEqualTo("EXECUTION_STARTED");
        assertThat(records.get(0).path("traceId").asText()).isEqualTo(TRACE_ID);
        assertThat(records.get(0).path("payloadHash").asText()).isEqualTo(started.payloadHash());
        assertThat(records.get(0).path("goalId").asText()).isEqualTo(goalId.toString());
        assertThat(records.get(1).path("type").asText()).isEqualTo("EXECUTION_FINISHED");
        // What the executor asks before it runs an action it holds no row of.
        assertThat(Json.parse(given().auth().oauth2(TestTokens.forRole(Roles.SERVICE))
                .get("/api/audit/executions/{id}", actionId).then().statusCode(200).extract().asString())
                .findValuesAsText("type")).containsExactly("EXECUTION_STARTED", "EXECUTION_FINISHED");
    }

    @Test
    void theChainVerifiesAndTheDatabaseRefusesToChangeIt() throws Exception {
        UUID actionId = UUID.randomUUID();
        report(auditEvent(UUID.randomUUID(), actionId, AuditEventType.EXECUTION_REFUSED));
        Awaitility.await().atMost(WAIT).until(() -> recordsAbout(actionId).size() == 1);
        long seq = recordsAbout(actionId).get(0).path("seq").asLong();

        assertVerified(seq);

        try (Connection db = TestInfrastructure.superuser();
                Statement sql = db.createStatement()) {
            for (String change : List.of(
                    "UPDATE monitor.audit_log SET detail = 'forged' WHERE chain = 'main' AND seq = " + seq,
                    "DELETE FROM monitor.audit_log WHERE chain = 'main' AND seq = " + seq,
                    "TRUNCATE monitor.audit_log")) {
                assertThatThrownBy(() -> sql.executeUpdate(change)).as(change)
                        .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            }
        }
        assertThat(recordsAbout(actionId).get(0).path("detail").asText()).isEqualTo("refused: no sandbox");
        assertVerified(seq);
    }

    @Test
    void concurrentAppendsNeverForkTheChain() throws Exception {
        UUID actionId = UUID.randomUUID();
        int appends = 24;
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Long> seqs = new ArrayList<>();
        try {
            List<Future<Long>> pending = IntStream.range(0, appends)
                    .mapToObj(i -> pool.submit(() -> QuarkusTransaction.requiringNew()
                            .call(() -> auditLog.append(new AuditFacts("CONCURRENCY_PROBE",
                                    null, actionId, null, "test", null, "0".repeat(64), null, null, null, null,
                                    "probe " + i)).seq())))
                    .toList();
            for (Future<Long> seq : pending) {
                seqs.add(seq.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(seqs).doesNotHaveDuplicates();
        assertThat(recordsAbout(actionId)).hasSize(appends);
        assertVerified(seqs.stream().mapToLong(Long::longValue).max().orElseThrow());
    }

    /**
     * Reproduction (issue 14): audit events from any producer were believed. One signed with another key, and one
     * whose signed detail was changed in transit, are dead-lettered with the reason and recorded as such; the
     * executor's own is appended with its signature, which the verification checks.
     */
    @Test
    void onlyEventsTheExecutorSignedAreAppended() throws Exception {
        KeyPair impostor = Ed25519.generate();
        OriginSigner impostorSigner = new OriginSigner(impostor.getPrivate(), impostor.getPublic());
        UUID forgedAction = UUID.randomUUID();
        AuditEvent template = auditEvent(UUID.randomUUID(), forgedAction, AuditEventType.EXECUTION_FINISHED);
        AuditEvent otherKey = impostorSigner.sign(new AuditEvent(template.id(), template.goalId(),
                template.actionId(), template.type(), template.detail(), template.traceId(), template.at(),
                impostorSigner.keyId(), null));
        UUID alteredAction = UUID.randomUUID();
        AuditEvent genuine = auditEvent(UUID.randomUUID(), alteredAction, AuditEventType.EXECUTION_FINISHED);
        AuditEvent altered = new AuditEvent(genuine.id(), genuine.goalId(), genuine.actionId(), genuine.type(),
                "exit 0, metrics as claimed", genuine.traceId(), genuine.at(), genuine.keyId(), genuine.signature());
        report(otherKey);
        report(altered);

        for (UUID action : List.of(forgedAction, alteredAction)) {
            ConsumerRecord<String, String> dead = KAFKA.read(Topics.dlq(Topics.AUDIT_EVENTS), 1,
                    record -> record.value().contains(action.toString()), WAIT).get(0);
            assertThat(KafkaProbe.header(dead, Topics.DLQ_REASON_HEADER))
                    .containsAnyOf("not the executor's key", "does not verify");
            Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(
                    recordsAbout(action).findValuesAsText("type")).containsExactly("DEAD_LETTERED"));
        }

        UUID actionId = UUID.randomUUID();
        AuditEvent executors = auditEvent(UUID.randomUUID(), actionId, AuditEventType.EXECUTION_STARTED);
        report(executors);
        Awaitility.await().atMost(WAIT).until(() -> recordsAbout(actionId).size() == 1);
        JsonNode record = recordsAbout(actionId).get(0);
        assertThat(record.path("originKeyId").asText()).isEqualTo(executors.keyId());
        assertThat(record.path("originSignature").asText()).isEqualTo(executors.signature());
        assertThat(record.path("payloadHash").asText()).isEqualTo(executors.payloadHash());
        assertVerified(record.path("seq").asLong());
    }

    /**
     * Reproduction (issue 14): with the database's superuser, a checkpointed record was changed and the chain
     * re-hashed, every checkpoint on Kafka was deleted, and one more append made the monitor sign the forged head;
     * both verifiers then said VERIFIED. Now the monitor re-verifies what it signs against its last checkpoint and
     * refuses, and the verification holds the database to the checkpoints the witness kept.
     */
    @Test
    void aRewriteOfCheckpointedHistoryIsNeitherSignedNorVerified() throws Exception {
        UUID actionId = UUID.randomUUID();
        report(auditEvent(UUID.randomUUID(), actionId, AuditEventType.EXECUTION_REFUSED));
        Awaitility.await().atMost(WAIT).until(() -> recordsAbout(actionId).size() == 1);
        long seq = recordsAbout(actionId).get(0).path("seq").asLong();
        Awaitility.await().atMost(WAIT).until(() -> verification().path("coveredSeq").asLong() >= seq);
        String original = recordsAbout(actionId).get(0).path("detail").asText();
        double refusedBefore = MonitorFlows.metric("alignlab_audit_checkpoints_refused_total");

        rewriteFrom(seq, entry -> withDetail(entry, "forged: ran in the sandbox"), false);
        try {
            deleteEveryRecordOf(Topics.AUDIT_CHECKPOINTS);
            UUID later = UUID.randomUUID();
            report(auditEvent(UUID.randomUUID(), later, AuditEventType.EXECUTION_REFUSED));
            Awaitility.await().atMost(WAIT).until(() -> recordsAbout(later).size() == 1);
            long forgedHead = recordsAbout(later).get(0).path("seq").asLong();

            Awaitility.await().atMost(WAIT).until(
                    () -> MonitorFlows.metric("alignlab_audit_checkpoints_refused_total") > refusedBefore);
            assertThat(QuarkusTransaction.requiringNew().call(
                    () -> records.count("type", CheckpointPublisher.CHECKPOINT_REFUSED))).isPositive();
            JsonNode report = verification();
            assertThat(report.path("verified").asBoolean()).isFalse();
            assertThat(report.path("checkpointProblems").findValuesAsText("reason"))
                    .anyMatch(reason -> reason.startsWith("checkpoint disagrees with the database"));
            assertThat(report.path("coveredSeq").asLong()).isLessThan(forgedHead);
            assertThat(KAFKA.read(Topics.AUDIT_CHECKPOINTS, 1, record -> true, Duration.ofSeconds(2))).isEmpty();
        } finally {
            // Records appended meanwhile were signed over the forged hashes: only the monitor's key re-signs them.
            rewriteFrom(seq, entry -> withDetail(entry, original), true);
        }
        // Put back as signed, the chain extends the last checkpoint again and the monitor signs on.
        Awaitility.await().atMost(WAIT).until(() -> verification().path("verified").asBoolean());
    }

    /**
     * Issue 14, the monitor's own records: with the database credential alone (the application role's grants, no
     * superuser), a VERDICT ALLOW is appended at the head, linked and hashed exactly as the monitor would, the head
     * row moved on, and a signature of the monitor's copied from a genuine record. The chain's hashes walk clean,
     * so before records were signed the verification passed and the monitor signed the next checkpoint over it.
     * Now the verification names the record and the monitor refuses to sign.
     */
    @Test
    void aRecordAppendedWithTheDatabaseCredentialAloneIsNeitherSignedNorVerified() throws Exception {
        UUID actionId = UUID.randomUUID();
        report(auditEvent(UUID.randomUUID(), actionId, AuditEventType.EXECUTION_REFUSED));
        Awaitility.await().atMost(WAIT).until(() -> recordsAbout(actionId).size() == 1);
        long genuine = recordsAbout(actionId).get(0).path("seq").asLong();
        // Everything before the forgery is signed, checkpointed and verifies.
        Awaitility.await().atMost(WAIT).until(() -> verification().path("verified").asBoolean()
                && verification().path("coveredSeq").asLong() >= genuine);
        double refusedBefore = MonitorFlows.metric("alignlab_audit_checkpoints_refused_total");

        UUID forgedAction = UUID.randomUUID();
        long forgedSeq = appendAsTheApplication(head -> new ChainEntry("main", head.entry().seq() + 1,
                head.entry().recordedAt().plusMillis(1), AuditLog.VERDICT, UUID.randomUUID(), forgedAction,
                "ideation", null, "f".repeat(64), "ALLOW", 0.0, 0.0, AuditLog.MONITOR, "rules-1", "allowed",
                null, null, head.entry().monitorKeyId(), head.entry().monitorSignature(), head.hash()));
        try {
            JsonNode report = verification();
            assertThat(report.path("verified").asBoolean()).isFalse();
            assertThat(report.path("chain").path("firstBroken").path("seq").asLong()).isEqualTo(forgedSeq);
            assertThat(report.path("chain").path("firstBroken").path("reason").asText())
                    .isEqualTo("the monitor's signature does not verify: forged or altered");

            List<String> refusals = Awaitility.await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew()
                    .call(() -> records.find("type = ?1 and seq > ?2", CheckpointPublisher.CHECKPOINT_REFUSED,
                            forgedSeq).list().stream().map(record -> record.link().entry().detail()).toList()),
                    found -> !found.isEmpty());
            assertThat(refusals).singleElement().asString().contains("record " + forgedSeq
                    + ": the monitor's signature does not verify");
            assertThat(MonitorFlows.metric("alignlab_audit_checkpoints_refused_total")).isGreaterThan(refusedBefore);
            assertThat(KAFKA.read(Topics.AUDIT_CHECKPOINTS, 1, record -> EventCodec.decode(record.value(),
                    AuditCheckpoint.class).seq() >= forgedSeq, Duration.ofSeconds(3)))
                    .as("no checkpoint vouches for the forged record").isEmpty();
            assertThat(verification().path("coveredSeq").asLong()).isLessThan(forgedSeq);
        } finally {
            // For the tests after this one: only the monitor's key can make the chain whole again.
            rewriteFrom(forgedSeq, entry -> entry, true);
        }
        Awaitility.await().atMost(WAIT).until(() -> verification().path("verified").asBoolean());
    }

    /**
     * A genuine BLOCK turned into ALLOW and every hash from it on recomputed, its signature kept: the signature covers
     * the decision, so the verification names the record even before a checkpoint could.
     */
    @Test
    void aDecisionChangedUnderItsOldSignatureIsNamed() throws Exception {
        AgentAction heldOut = TestActions.action(Agent.IDEATION, "weak-to-strong", Split.HELDOUT,
                new ResourceRequest(60, 512, 120));
        propose(heldOut);
        Verdict verdict = awaitVerdicts(heldOut, 1).get(0);
        assertThat(verdict.decision()).isEqualTo(Decision.BLOCK);
        long seq = verdict.auditSeq();
        Awaitility.await().atMost(WAIT).until(() -> verification().path("verified").asBoolean());

        rewriteFrom(seq, entry -> withDecision(entry, "ALLOW"), false);
        try {
            JsonNode report = verification();
            assertThat(report.path("verified").asBoolean()).isFalse();
            assertThat(report.path("chain").path("firstBroken").path("seq").asLong()).isEqualTo(seq);
            assertThat(report.path("chain").path("firstBroken").path("reason").asText())
                    .isEqualTo("the monitor's signature does not verify: forged or altered");
        } finally {
            rewriteFrom(seq, entry -> withDecision(entry, "BLOCK"), true);
        }
        Awaitility.await().atMost(WAIT).until(() -> verification().path("verified").asBoolean());
    }

    private static JsonNode verification() {
        return Json.parse(given().auth().oauth2(TestTokens.forRole(Roles.REVIEWER)).get("/api/audit/verify").then()
                .statusCode(200).extract().asString());
    }

    /**
     * What a holder of the superuser can do: with triggers off, change the record at {@code seq} and re-hash every
     * record from it to the head, so the chain's hashes and links hold on their own. With {@code sign}, every record
     * rewritten is signed again with the monitor's key, as only a holder of that key can; the tests do it to put
     * history back as it was.
     */
    private void rewriteFrom(long seq, UnaryOperator<ChainEntry> change, boolean sign) throws Exception {
        try (Connection db = TestInfrastructure.superuser()) {
            db.setAutoCommit(false);
            try (Statement sql = db.createStatement()) {
                sql.execute("SET LOCAL session_replication_role = replica");
                sql.execute("SELECT seq FROM monitor.audit_head WHERE chain = 'main' FOR UPDATE");
                List<ChainEntry> entries = QuarkusTransaction.requiringNew().call(() -> records
                        .find("chain = ?1 and seq >= ?2", Sort.by("seq"), "main", seq).list().stream()
                        .map(record -> record.link().entry()).toList());
                String previous = entries.get(0).prevHash();
                try (PreparedStatement update = db.prepareStatement("UPDATE monitor.audit_log SET detail = ?, "
                        + "decision = ?, monitor_key_id = ?, monitor_signature = ?, prev_hash = ?, hash = ? "
                        + "WHERE chain = 'main' AND seq = ?")) {
                    for (ChainEntry entry : entries) {
                        ChainEntry changed = withPrevHash(entry.seq() == seq ? change.apply(entry) : entry, previous);
                        if (sign) {
                            changed = signingKeys.sign(changed.withMonitorSignature(signingKeys.keyId(), null));
                        }
                        previous = changed.computeHash();
                        update.setString(1, changed.detail());
                        update.setString(2, changed.decision());
                        update.setString(3, changed.monitorKeyId());
                        update.setString(4, changed.monitorSignature());
                        update.setString(5, changed.prevHash());
                        update.setString(6, previous);
                        update.setLong(7, entry.seq());
                        update.executeUpdate();
                    }
                }
                sql.executeUpdate("UPDATE monitor.audit_head SET hash = '" + previous + "' WHERE chain = 'main'");
            }
            db.commit();
        }
    }

    /**
     * What the database credential alone allows: as the application role, which may insert records and move the
     * head but holds no key, append the record {@code forge} makes of the head, hashed as the monitor would.
     *
     * @return the forged record's seq
     */
    private long appendAsTheApplication(Function<ChainLink, ChainEntry> forge) throws Exception {
        ChainEntry forged;
        try (Connection db = TestInfrastructure.superuser()) {
            db.setAutoCommit(false);
            try (Statement sql = db.createStatement()) {
                sql.execute("SET LOCAL ROLE " + AuditHeadRepository.APPLICATION_ROLE);
                sql.execute("SELECT seq FROM monitor.audit_head WHERE chain = 'main' FOR UPDATE");
                ChainLink head = QuarkusTransaction.requiringNew().call(() -> records
                        .find("chain", Sort.descending("seq"), "main").firstResult().link());
                forged = forge.apply(head);
                String hash = forged.computeHash();
                try (PreparedStatement insert = db.prepareStatement("INSERT INTO monitor.audit_log (chain, seq, "
                        + "recorded_at, type, goal_id, action_id, agent, trace_id, payload_hash, decision, suspicion, "
                        + "model_score, actor, policy_version, detail, origin_key_id, origin_signature, "
                        + "monitor_key_id, monitor_signature, prev_hash, hash) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, forged.chain());
                    insert.setLong(2, forged.seq());
                    insert.setObject(3, forged.recordedAt().atOffset(ZoneOffset.UTC));
                    insert.setString(4, forged.type());
                    insert.setObject(5, forged.goalId());
                    insert.setObject(6, forged.actionId());
                    insert.setString(7, forged.agent());
                    insert.setString(8, forged.traceId());
                    insert.setString(9, forged.payloadHash());
                    insert.setString(10, forged.decision());
                    insert.setObject(11, forged.suspicion(), Types.DOUBLE);
                    insert.setObject(12, forged.modelScore(), Types.DOUBLE);
                    insert.setString(13, forged.actor());
                    insert.setString(14, forged.policyVersion());
                    insert.setString(15, forged.detail());
                    insert.setString(16, forged.originKeyId());
                    insert.setString(17, forged.originSignature());
                    insert.setString(18, forged.monitorKeyId());
                    insert.setString(19, forged.monitorSignature());
                    insert.setString(20, forged.prevHash());
                    insert.setString(21, hash);
                    insert.executeUpdate();
                }
                try (PreparedStatement moveHead = db.prepareStatement(
                        "UPDATE monitor.audit_head SET seq = ?, hash = ? WHERE chain = 'main'")) {
                    moveHead.setLong(1, forged.seq());
                    moveHead.setString(2, hash);
                    moveHead.executeUpdate();
                }
            }
            db.commit();
        }
        return forged.seq();
    }

    private static ChainEntry withDetail(ChainEntry e, String detail) {
        return new ChainEntry(e.chain(), e.seq(), e.recordedAt(), e.type(), e.goalId(), e.actionId(), e.agent(),
                e.traceId(), e.payloadHash(), e.decision(), e.suspicion(), e.modelScore(), e.actor(), e.policyVersion(),
                detail, e.originKeyId(), e.originSignature(), e.monitorKeyId(), e.monitorSignature(), e.prevHash());
    }

    private static ChainEntry withDecision(ChainEntry e, String decision) {
        return new ChainEntry(e.chain(), e.seq(), e.recordedAt(), e.type(), e.goalId(), e.actionId(), e.agent(),
                e.traceId(), e.payloadHash(), decision, e.suspicion(), e.modelScore(), e.actor(), e.policyVersion(),
                e.detail(), e.originKeyId(), e.originSignature(), e.monitorKeyId(), e.monitorSignature(), e.prevHash());
    }

    private static ChainEntry withPrevHash(ChainEntry e, String prevHash) {
        return new ChainEntry(e.chain(), e.seq(), e.recordedAt(), e.type(), e.goalId(), e.actionId(), e.agent(),
                e.traceId(), e.payloadHash(), e.decision(), e.suspicion(), e.modelScore(), e.actor(), e.policyVersion(),
                e.detail(), e.originKeyId(), e.originSignature(), e.monitorKeyId(), e.monitorSignature(), prevHash);
    }

    private static void deleteEveryRecordOf(String topic) throws Exception {
        try (Admin admin = Admin.create(TestInfrastructure.kafkaAdmin().clientProperties())) {
            Map<TopicPartition, RecordsToDelete> all = new HashMap<>();
            for (TopicPartitionInfo partition : admin.describeTopics(List.of(topic)).allTopicNames().get()
                    .get(topic).partitions()) {
                TopicPartition tp = new TopicPartition(topic, partition.partition());
                long end = admin.listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp).get().offset();
                all.put(tp, RecordsToDelete.beforeOffset(end));
            }
            admin.deleteRecords(all).all().get();
        }
    }

    @Test
    void aBadUuidIsAProblemNamingTheParameter() {
        given().auth().oauth2(TestTokens.forRole(Roles.REVIEWER)).queryParam("goalId", "not-a-uuid")
                .get("/api/audit/records")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", hasItem("goalId"))
                .body("detail", containsString("goalId"));
        given().auth().oauth2(TestTokens.forRole(Roles.REVIEWER)).get("/api/audit/records")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("actionId"));
        given().auth().oauth2(TestTokens.forRole(Roles.REVIEWER)).get("/api/audit/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }
}
