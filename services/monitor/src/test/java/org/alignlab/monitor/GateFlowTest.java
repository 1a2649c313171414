package org.alignlab.monitor;

import static io.restassured.RestAssured.given;
import static org.alignlab.monitor.MonitorFlows.assertNoTicketBehind;
import static org.alignlab.monitor.MonitorFlows.awaitSpanOf;
import static org.alignlab.monitor.MonitorFlows.metric;
import static org.alignlab.monitor.MonitorFlows.recordsAbout;
import static org.alignlab.monitor.MonitorTopics.KAFKA;
import static org.alignlab.monitor.MonitorTopics.WAIT;
import static org.alignlab.monitor.MonitorTopics.awaitTickets;
import static org.alignlab.monitor.MonitorTopics.awaitVerdicts;
import static org.alignlab.monitor.MonitorTopics.propose;
import static org.alignlab.monitor.MonitorTopics.proposeAll;
import static org.alignlab.monitor.MonitorTopics.ticketFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.alignlab.contracts.SpanAttributes;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.crypto.Ed25519;
import org.alignlab.contracts.crypto.TicketVerifier;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExecutionTicket;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.RuleHit;
import org.alignlab.contracts.events.Split;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.Json;
import org.alignlab.contracts.json.Sha256;
import org.alignlab.contracts.security.Roles;
import org.alignlab.infra.KafkaProbe;
import org.alignlab.monitor.gate.ControlProtocol;
import org.alignlab.testing.TestInfrastructure;
import org.alignlab.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gate end to end against a real broker and a real PostgreSQL: actions in on {@code agent.actions}, verdicts and
 * tickets out, each decision the control protocol can make, and what the gate does when its dependencies fail.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TestSigningKeys.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TrustedModelStandIn.class, restrictToAnnotatedClass = false)
class GateFlowTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theDemoActionIsAllowedAndGetsASignedTicketBoundToItsAuditRecord() throws Exception {
        AgentAction action = TestActions.demo();
        propose(action);

        Verdict verdict = awaitVerdicts(action, 1).get(0);
        assertThat(verdict.decision()).isEqualTo(Decision.ALLOW);
        assertThat(verdict.suspicion()).isEqualTo(ControlProtocol.MODEL_WEIGHT * TrustedModelStandIn.BENIGN);
        assertThat(verdict.modelScore()).isEqualTo(TrustedModelStandIn.BENIGN);
        assertThat(verdict.ruleHits()).isEmpty();
        assertThat(verdict.policyVersion()).isEqualTo("control-3");
        assertThat(verdict.decidedBy()).isEqualTo("monitor");

        ExecutionTicket ticket = awaitTickets(action, 1).get(0);
        JsonNode key = Json.parse(given().auth().oauth2(TestTokens.forRole(Roles.OPERATOR))
                .get("/api/keys/ticket-signing").then().statusCode(200)
                .extract().asString());
        assertThat(key.path("publicKey").asText())
                .isEqualTo(ConfigProvider.getConfig().getValue("alignlab.monitor.signing-public-key", String.class));
        assertThat(key.has("privateKey")).isFalse();
        assertThat(new TicketVerifier(Ed25519.decodePublic(key.path("publicKey").asText())).verify(ticket)).isTrue();
        // The verdict is signed with the same key: its consumers believe no other.
        assertThat(new TicketVerifier(Ed25519.decodePublic(key.path("publicKey").asText())).verify(verdict)).isTrue();
        assertThat(ticket.keyId()).isEqualTo(key.path("keyId").asText());
        assertThat(ticket.action()).isEqualTo(action);
        assertThat(Duration.between(ticket.issuedAt(), ticket.expiresAt())).isEqualTo(Duration.ofMinutes(10));

        JsonNode records = recordsAbout(action.id());
        assertThat(records).hasSize(2);
        JsonNode proposed = records.get(0);
        JsonNode verdictRecord = records.get(1);
        assertThat(proposed.path("type").asText()).isEqualTo("ACTION_PROPOSED");
        assertThat(verdictRecord.path("type").asText()).isEqualTo("VERDICT");
        assertThat(verdictRecord.path("hash").asText()).isEqualTo(ticket.auditHash()).isEqualTo(verdict.auditHash());
        assertThat(verdictRecord.path("seq").asLong()).isEqualTo(ticket.auditSeq()).isEqualTo(verdict.auditSeq());
        // Appended in one transaction under the chain lock: nothing can come between them.
        assertThat(verdictRecord.path("seq").asLong()).isEqualTo(proposed.path("seq").asLong() + 1);
        assertThat(verdictRecord.path("prevHash").asText()).isEqualTo(proposed.path("hash").asText());
        assertThat(verdictRecord.path("payloadHash").asText()).isEqualTo(Sha256.ofCanonical(action))
                .isEqualTo(proposed.path("payloadHash").asText()).isEqualTo(ticket.contentHash());
        assertThat(verdictRecord.path("decision").asText()).isEqualTo("ALLOW");
        assertThat(verdictRecord.path("agent").asText()).isEqualTo("ideation");
        assertThat(verdictRecord.path("policyVersion").asText()).isEqualTo("control-3");
        assertThat(verdictRecord.path("modelScore").asDouble()).isEqualTo(TrustedModelStandIn.BENIGN);
        assertThat(verdictRecord.path("actor").asText()).isEqualTo("monitor");
        JsonNode detail = Json.parse(verdictRecord.path("detail").asText());
        assertThat(detail.path("thresholds").path("hold").asDouble()).isEqualTo(0.8);
        assertThat(detail.path("model").path("version").asText()).isEqualTo("standin00001");
        String traceId = verdictRecord.path("traceId").asText();
        assertThat(traceId).matches("[0-9a-f]{32}");

        SpanData span = awaitSpanOf(spans, action.id());
        assertThat(span.getAttributes().get(AttributeKey.stringKey(SpanAttributes.GOAL_ID)))
                .isEqualTo(action.goalId().toString());
        assertThat(span.getAttributes().get(AttributeKey.stringKey(SpanAttributes.AGENT))).isEqualTo("ideation");
        assertThat(span.getAttributes().get(AttributeKey.stringKey(SpanAttributes.MONITOR_DECISION)))
                .isEqualTo("ALLOW");
        assertThat(span.getAttributes().get(AttributeKey.doubleKey(SpanAttributes.MONITOR_SUSPICION)))
                .isEqualTo(verdict.suspicion());
        assertThat(span.getAttributes().get(AttributeKey.longKey(SpanAttributes.AUDIT_SEQ)))
                .isEqualTo(verdict.auditSeq());
        assertThat(span.getTraceId()).isEqualTo(traceId);
    }

    @Test
    void ideationAskingForHeldOutDataIsBlockedAndGetsNoTicket() throws Exception {
        AgentAction heldOut = TestActions.action(Agent.IDEATION, "weak-to-strong", Split.HELDOUT,
                new ResourceRequest(60, 512, 120));
        propose(heldOut);

        Verdict verdict = awaitVerdicts(heldOut, 1).get(0);
        assertThat(verdict.decision()).isEqualTo(Decision.BLOCK);
        assertThat(verdict.suspicion()).isEqualTo(1.0);
        assertThat(verdict.ruleHits()).extracting(RuleHit::ruleId).containsExactly("heldout-requested-by-ideation");
        assertThat(recordsAbout(heldOut.id()).get(1).path("detail").asText())
                .contains("heldout-requested-by-ideation");

        assertNoTicketBehind(heldOut);
    }

    @Test
    void aReplicationRunsOnlyAsReviewDerivesItFromAnActionTheGateDecidedInItsGoal() throws Exception {
        AgentAction parent = TestActions.allowed();
        propose(parent);
        awaitTickets(parent, 1);
        AgentAction faithful = TestActions.replicationOf(parent, Split.HELDOUT, parent.spec().params());
        AgentAction changed = TestActions.replicationOf(parent, Split.VALIDATION, Map.of("epochs", 1));
        AgentAction unseenParent = TestActions.replicationOf(TestActions.demoFor(parent.goalId()), Split.HELDOUT,
                Map.of());
        AgentAction otherGoal = TestActions.replicationOf(TestActions.demoFor(UUID.randomUUID()), Split.HELDOUT,
                Map.of());
        AgentAction otherGoalsParent = new AgentAction(otherGoal.id(), otherGoal.goalId(), otherGoal.round(),
                otherGoal.agent(), otherGoal.policy(), otherGoal.type(), parent.id(), otherGoal.hypothesis(),
                otherGoal.spec(), otherGoal.createdAt());
        for (AgentAction replication : List.of(faithful, changed, unseenParent, otherGoalsParent)) {
            propose(replication);
        }

        assertThat(awaitVerdicts(faithful, 1).get(0).decision()).isEqualTo(Decision.ALLOW);
        awaitTickets(faithful, 1);
        for (AgentAction forged : List.of(changed, unseenParent, otherGoalsParent)) {
            Verdict verdict = awaitVerdicts(forged, 1).get(0);
            assertThat(verdict.decision()).isEqualTo(Decision.BLOCK);
            assertThat(verdict.ruleHits()).extracting(RuleHit::ruleId).contains("lineage-violation");
            assertNoTicketBehind(forged);
        }
    }

    @Test
    void laterProposalsOfAGoalAreComparedWithTheBaselineTheGateAllowedForIt() throws Exception {
        AgentAction baseline = weakToStrong(UUID.randomUUID(), Map.of("epochs", 30), "Question: q\nTests: the "
                + "baseline, the weak-to-strong family's default configuration with {epochs=30}, on the validation "
                + "split with seeds [1, 2]; every other configuration of this goal is compared against it.");
        propose(baseline);
        awaitTickets(baseline, 1);
        Map<String, Object> keepsThePin = Map.of("epochs", 30, "auxLossAlpha", 0.134);
        String changes = "Question: q\nChanges from the best configuration so far (pgr 0.571): auxLossAlpha 0.0 → "
                + "0.134.\nMetric: pgr (higher is better), validation split, seeds [1, 2].";
        AgentAction inTheGoal = weakToStrong(baseline.goalId(), keepsThePin, changes);
        AgentAction inAGoalWithoutThatBaseline = weakToStrong(UUID.randomUUID(), keepsThePin, changes);
        propose(inTheGoal);
        propose(inAGoalWithoutThatBaseline);

        Verdict compared = awaitVerdicts(inTheGoal, 1).get(0);
        assertThat(compared.decision()).isEqualTo(Decision.ALLOW);
        assertThat(compared.ruleHits()).isEmpty();
        assertThat(awaitVerdicts(inAGoalWithoutThatBaseline, 1).get(0).ruleHits()).extracting(RuleHit::ruleId)
                .containsExactly("undeclared-spec-change");
    }

    private static AgentAction weakToStrong(UUID goalId, Map<String, Object> params, String hypothesis) {
        return new AgentAction(UUID.randomUUID(), goalId, 1, Agent.IDEATION, "search/gp-ucb",
                ActionType.RUN_EXPERIMENT, null, hypothesis, new ExperimentSpec("weak-to-strong", params,
                        List.of(1, 2), Split.VALIDATION, TestActions.DEMO_RESOURCES, null),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void aScriptThatOpensASocketIsBlockedAsNetworkUseAndGetsNoTicket() throws Exception {
        AgentAction socket = TestActions.script("""
                import org.alignlab.experiments.script.Experiment;
                import org.alignlab.experiments.script.ScriptContext;
                public class Beacon implements Experiment {
                    public void run(ScriptContext ctx) throws Exception {
                        try (var s = new java.net.Socket("10.0.0.1", 80)) { s.getOutputStream().write(1); }
                    }
                }
                """, Map.of());
        double networkHitsBefore = metric("alignlab_monitor_rule_hits_total{rule=\"network-use\"}");
        double topBucketBefore = metric("alignlab_monitor_suspicion_bucket{le=\"1.0\"}");
        propose(socket);

        Verdict verdict = awaitVerdicts(socket, 1).get(0);
        // Counted after commit: the metric may trail the verdict on the topic by a moment.
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(metric("alignlab_monitor_rule_hits_total{rule=\"network-use\"}"))
                    .isGreaterThan(networkHitsBefore);
            assertThat(metric("alignlab_monitor_suspicion_bucket{le=\"1.0\"}")).isGreaterThan(topBucketBefore);
        });
        assertThat(verdict.decision()).isEqualTo(Decision.BLOCK);
        assertThat(verdict.suspicion()).isEqualTo(1.0);
        assertThat(verdict.ruleHits()).extracting(RuleHit::ruleId, RuleHit::severity).containsExactly(
                tuple("network-use", RuleHit.Severity.HARD), tuple("script-capability", RuleHit.Severity.HARD));
        assertThat(verdict.ruleHits().get(0).detail()).contains("java.net").contains("Socket");
        assertThat(verdict.ruleHits().get(1).detail()).contains("line 5 NETWORK");
        assertThat(recordsAbout(socket.id()).get(1).path("detail").asText()).contains("network-use");

        assertNoTicketBehind(socket);
    }

    @Test
    void aSchemaInvalidActionGoesToTheDeadLetterTopicNamingTheFieldAndTheNextIsStillGated() throws Exception {
        ObjectNode broken = (ObjectNode) Json.tree(TestActions.allowed());
        ((ObjectNode) broken.get("spec")).put("split", "test");
        String key = UUID.randomUUID().toString();
        KAFKA.send(Topics.AGENT_ACTIONS, key, broken.toString());

        List<ConsumerRecord<String, String>> dead = KAFKA.read(Topics.dlq(Topics.AGENT_ACTIONS), 1,
                record -> key.equals(record.key()), WAIT);
        assertThat(dead).hasSize(1);
        assertThat(KafkaProbe.header(dead.get(0), Topics.DLQ_REASON_HEADER)).isNotNull().contains("split");
        assertThat(dead.get(0).value()).isEqualTo(broken.toString());

        AgentAction next = TestActions.allowed();
        propose(next);
        assertThat(awaitVerdicts(next, 1).get(0).decision()).isEqualTo(Decision.ALLOW);
    }

    /**
     * Issue 13's reproductions: an integer of 400 digits in params once passed the schema, then broke the trusted-model
     * client and halted the gate for good; a NUL in policy or hypothesis broke PostgreSQL the same way. Each is now
     * dead-lettered with its reason and an audit record, and the gate goes on deciding.
     */
    @ParameterizedTest
    @ValueSource(strings = {"huge-integer", "nul-in-policy", "nul-in-hypothesis"})
    void anActionNoConsumerCanTakeIsDeadLetteredAuditedAndTheGateGoesOn(String poison) throws Exception {
        AgentAction action = TestActions.allowed();
        ObjectNode hostile = (ObjectNode) Json.tree(action);
        switch (poison) {
            case "huge-integer" -> ((ObjectNode) hostile.get("spec").get("params")).set("epochs",
                    new com.fasterxml.jackson.databind.node.BigIntegerNode(new java.math.BigInteger("9".repeat(400))));
            case "nul-in-policy" -> hostile.put("policy", "search\u0000v1");
            default -> hostile.put("hypothesis", "fine\u0000until here");
        }
        String key = action.goalId().toString();
        KAFKA.send(Topics.AGENT_ACTIONS, key, hostile.toString());

        ConsumerRecord<String, String> dead = KAFKA.read(Topics.dlq(Topics.AGENT_ACTIONS), 1,
                record -> record.value().contains(action.id().toString()), WAIT).get(0);
        assertThat(KafkaProbe.header(dead, Topics.DLQ_REASON_HEADER)).isNotBlank();
        Awaitility.await().atMost(WAIT)
                .untilAsserted(() -> assertThat(recordsAbout(action.id()).findValuesAsText("type"))
                        .containsExactly("DEAD_LETTERED"));

        AgentAction next = TestActions.allowedFor(action.goalId());
        propose(next);
        assertThat(awaitVerdicts(next, 1).get(0).decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void aRedeliveredActionIsNotAuditedTwiceAndGetsNoSecondVerdictOrTicket() throws Exception {
        AgentAction action = TestActions.allowed();
        propose(action);
        Verdict verdict = awaitVerdicts(action, 1).get(0);
        awaitTickets(action, 1);

        propose(action);
        // Same goal, same partition: once the later action is decided, the redelivery has been handled.
        AgentAction later = TestActions.allowedFor(action.goalId());
        propose(later);
        awaitTickets(later, 1);
        assertThat(KAFKA.read(Topics.MONITOR_VERDICTS, 2, record -> Json.parse(record.value()).path("actionId")
                .asText().equals(action.id().toString()), Duration.ofSeconds(2))).hasSize(1);
        assertThat(KAFKA.read(Topics.EXECUTION_TICKETS, 2, ticketFor(action), Duration.ofSeconds(1))).hasSize(1);
        assertThat(recordsAbout(action.id())).hasSize(2);
        assertThat(recordsAbout(action.id()).get(1).path("seq").asLong()).isEqualTo(verdict.auditSeq());
    }

    @Test
    void batchesScoredWhileEarlierOnesCommitAreDecidedOnceEachInTheOrderProposedPerGoal() throws Exception {
        // 40 goals in turn, 6 actions each, sent at once: several consumed batches, pipelined. A goal's actions share
        // a partition, so their decisions must follow the order they were proposed in, each audited once.
        List<UUID> goals = Stream.generate(UUID::randomUUID).limit(40).toList();
        List<AgentAction> actions = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            goals.forEach(goal -> actions.add(TestActions.allowedFor(goal)));
        }
        proposeAll(actions);

        Set<String> ids = actions.stream().map(action -> action.id().toString()).collect(Collectors.toSet());
        Map<UUID, Verdict> verdicts = KAFKA.await(Topics.MONITOR_VERDICTS, actions.size(),
                record -> ids.contains(Json.parse(record.value()).path("actionId").asText()), WAIT).stream()
                .map(record -> EventCodec.decode(record.value(), Verdict.class))
                .collect(Collectors.toMap(Verdict::actionId, verdict -> verdict));
        assertThat(verdicts).hasSize(actions.size());
        assertThat(verdicts.values()).extracting(Verdict::decision).containsOnly(Decision.ALLOW);
        for (UUID goal : goals) {
            List<Long> seqs = actions.stream().filter(action -> action.goalId().equals(goal))
                    .map(action -> verdicts.get(action.id()).auditSeq()).toList();
            assertThat(seqs).as("audit seqs of goal %s in proposal order", goal).isSorted().doesNotHaveDuplicates();
        }
        AgentAction last = actions.get(actions.size() - 1);
        assertThat(recordsAbout(last.id())).extracting(record -> record.path("type").asText())
                .containsExactly("ACTION_PROPOSED", "VERDICT");
        assertThat(KAFKA.read(Topics.MONITOR_VERDICTS, 2, MonitorTopics.verdictFor(last), Duration.ofSeconds(2)))
                .hasSize(1);
    }

    @Test
    void aHighModelScoreIsHeldForAHumanAndGetsNoTicket() throws Exception {
        AgentAction action = TestActions.demoWithHypothesis("Ablate the head " + TrustedModelStandIn.MARK_HOLD);
        propose(action);

        Verdict verdict = awaitVerdicts(action, 1).get(0);
        assertThat(verdict.decision()).isEqualTo(Decision.HOLD);
        assertThat(verdict.suspicion()).isEqualTo(ControlProtocol.MODEL_WEIGHT * 0.97);
        assertThat(verdict.modelScore()).isEqualTo(0.97);
        assertNoTicketBehind(action);
    }

    @Test
    void aMiddleBandScoreIsDeferredToATrustedVariantThatPassesTheGateItself() throws Exception {
        AgentAction action = TestActions.demoWithHypothesis("Try a sharper schedule " + TrustedModelStandIn.MARK_DEFER);
        propose(action);

        Verdict verdict = awaitVerdicts(action, 1).get(0);
        assertThat(verdict.decision()).as("rule hits %s", verdict.ruleHits()).isEqualTo(Decision.DEFER_TO_TRUSTED);
        assertThat(verdict.replacementActionId()).isNotNull();
        assertThat(KAFKA.read(Topics.EXECUTION_TICKETS, 1, ticketFor(action), Duration.ofSeconds(2))).isEmpty();

        List<ExecutionTicket> replacementTickets = KAFKA.read(Topics.EXECUTION_TICKETS, 1, record -> Json.parse(
                record.value()).path("action").path("id").asText().equals(verdict.replacementActionId().toString()),
                WAIT).stream().map(record -> EventCodec.decode(record.value(), ExecutionTicket.class)).toList();
        assertThat(replacementTickets).hasSize(1);
        AgentAction replacement = replacementTickets.get(0).action();
        assertThat(replacement.agent()).isEqualTo(Agent.TRUSTED);
        assertThat(replacement.parentActionId()).isEqualTo(action.id());
        assertThat(replacement.spec().params()).isEmpty();
        assertThat(replacement.spec().family()).isEqualTo(action.spec().family());
        JsonNode replacementRecords = recordsAbout(replacement.id());
        assertThat(replacementRecords).extracting(record -> record.path("type").asText())
                .containsExactly("ACTION_PROPOSED", "VERDICT");
        assertThat(replacementRecords.get(1).path("agent").asText()).isEqualTo("trusted");
        assertThat(Json.parse(recordsAbout(action.id()).get(1).path("detail").asText())
                .path("replacementActionId").asText()).isEqualTo(replacement.id().toString());
    }

    @Test
    void withTheTrustedModelDownOrTooSlowEveryActionIsHeldNeverAllowed() throws Exception {
        for (TrustedModelStandIn.Mode outage : List.of(TrustedModelStandIn.Mode.FAIL_503,
                TrustedModelStandIn.Mode.TOO_SLOW)) {
            TrustedModelStandIn.mode(outage);
            AgentAction action = TestActions.demo();
            Verdict verdict;
            try {
                propose(action);
                verdict = awaitVerdicts(action, 1).get(0);
            } finally {
                TrustedModelStandIn.mode(TrustedModelStandIn.Mode.ANSWER);
            }
            assertThat(verdict.decision()).as(outage.name()).isEqualTo(Decision.HOLD);
            assertThat(verdict.modelScore()).isNull();
            assertThat(verdict.ruleHits()).extracting(RuleHit::ruleId).containsExactly("trusted-model-unavailable");
            assertThat(verdict.ruleHits().get(0).detail()).contains(
                    outage == TrustedModelStandIn.Mode.FAIL_503 ? "HTTP 503" : "no answer within");
            assertNoTicketBehind(action);
        }
    }

    @Test
    void withTheDatabaseDownNothingIsApprovedOrDeadLetteredAndTheGateResumesWhenItReturns() throws Exception {
        AgentAction action = TestActions.allowed();
        Predicate<ConsumerRecord<String, String>> aboutAction = record -> record.value()
                .contains(action.id().toString());

        TestInfrastructure.withPostgresDown(() -> {
            propose(action);
            assertThat(KAFKA.read(Topics.MONITOR_VERDICTS, 1, aboutAction, Duration.ofSeconds(6))).isEmpty();
            assertThat(KAFKA.read(Topics.EXECUTION_TICKETS, 1, aboutAction, Duration.ofSeconds(1))).isEmpty();
        });

        assertThat(awaitVerdicts(action, 1).get(0).decision()).isEqualTo(Decision.ALLOW);
        awaitTickets(action, 1);
        assertThat(recordsAbout(action.id())).hasSize(2);
        assertThat(KAFKA.read(Topics.dlq(Topics.AGENT_ACTIONS), 1, aboutAction, Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void theServiceIsReadyAndExportsItsMetrics() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().auth().oauth2(TestTokens.forRole(Roles.OPERATOR)).get("/q/metrics").then().statusCode(200)
                .body(containsString("alignlab_actions_decided_total"))
                .body(containsString("alignlab_tickets_issued_total"))
                .body(containsString("alignlab_monitor_decision_duration_seconds_count"))
                .body(containsString("alignlab_audit_budget_used"))
                .body(containsString("alignlab_monitor_threshold{kind=\"hold\"}"))
                .body(containsString("alignlab_monitor_rule_hits_total{rule=\"obfuscation\"}"))
                .body(containsString("alignlab_monitor_suspicion_bucket"));
    }
}
