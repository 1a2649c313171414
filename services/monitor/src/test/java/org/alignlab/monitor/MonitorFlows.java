package org.alignlab.monitor;

import static io.restassured.RestAssured.given;
import static org.alignlab.monitor.MonitorTopics.KAFKA;
import static org.alignlab.monitor.MonitorTopics.WAIT;
import static org.alignlab.monitor.MonitorTopics.awaitTickets;
import static org.alignlab.monitor.MonitorTopics.propose;
import static org.alignlab.monitor.MonitorTopics.ticketFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.alignlab.contracts.SpanAttributes;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.AuditEvent;
import org.alignlab.contracts.events.AuditEventType;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.Json;
import org.alignlab.contracts.security.Roles;
import org.alignlab.testing.TestTokens;
import org.awaitility.Awaitility;

/** What the monitor's flow tests share: reading its API and metrics, feeding its topics. */
final class MonitorFlows {

    static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    private MonitorFlows() {
    }

    /** One sample of the Prometheus scrape, by its exact series and labels as exported; 0 when absent. */
    static double metric(String series) {
        String scrape = given().auth().oauth2(TestTokens.forRole(Roles.OPERATOR)).get("/q/metrics").then()
                .statusCode(200).extract().asString();
        return scrape.lines().filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).strip()))
                .findFirst().orElse(0);
    }

    static void report(AuditEvent event) throws Exception {
        KAFKA.send(Topics.AUDIT_EVENTS, event.goalId().toString(), EventCodec.encode(event));
    }

    static AuditEvent auditEvent(UUID goalId, UUID actionId, AuditEventType type) {
        String detail = type == AuditEventType.EXECUTION_REFUSED ? "refused: no sandbox" : "reported " + type;
        return TestSigningKeys.EXECUTOR_SIGNER.sign(new AuditEvent(UUID.randomUUID(), goalId, actionId, type, detail,
                TRACE_ID, Instant.now().truncatedTo(ChronoUnit.MILLIS), TestSigningKeys.EXECUTOR_SIGNER.keyId(), null));
    }

    static Response controlEval(String body, String contentType) {
        return given().auth().oauth2(TestTokens.forRole(Roles.OPERATOR)).contentType(contentType)
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/api/control-eval");
    }

    static JsonNode recordsAbout(UUID actionId) {
        return Json.parse(
                given().auth().oauth2(TestTokens.forRole(Roles.REVIEWER)).queryParam("actionId", actionId.toString())
                        .get("/api/audit/records")
                        .then().statusCode(200).extract().asString());
    }

    static void assertVerified(long atLeastSeq) {
        given().auth().oauth2(TestTokens.forRole(Roles.REVIEWER)).get("/api/audit/verify").then().statusCode(200)
                .body("verified", equalTo(true))
                .body("chain.chain", equalTo("main"))
                .body("chain.firstBroken", nullValue())
                .body("chain.headSeq", greaterThanOrEqualTo((int) atLeastSeq))
                .body("chain.headHash", matchesPattern("[0-9a-f]{64}"));
    }

    /** A later allowed action of the same goal shares the partition: once its ticket is out, none came before. */
    static void assertNoTicketBehind(AgentAction action) throws Exception {
        AgentAction later = TestActions.allowedFor(action.goalId());
        propose(later);
        awaitTickets(later, 1);
        assertThat(KAFKA.read(Topics.EXECUTION_TICKETS, 1, ticketFor(action), Duration.ofSeconds(2))).isEmpty();
    }

    static SpanData awaitSpanOf(InMemorySpanExporter spans, UUID actionId) {
        AttributeKey<String> actionKey = AttributeKey.stringKey(SpanAttributes.ACTION_ID);
        AttributeKey<String> decisionKey = AttributeKey.stringKey(SpanAttributes.MONITOR_DECISION);
        return Awaitility.await().atMost(WAIT).until(() -> spans.getFinishedSpanItems().stream()
                .filter(span -> actionId.toString().equals(span.getAttributes().get(actionKey)))
                .filter(span -> span.getAttributes().get(decisionKey) != null)
                .findFirst().orElse(null), Objects::nonNull);
    }
}
