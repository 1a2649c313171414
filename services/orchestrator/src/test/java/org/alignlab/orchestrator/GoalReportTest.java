package org.alignlab.orchestrator;

import static org.alignlab.orchestrator.GoalApi.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.awt.Color;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ReviewVerdict;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.contracts.security.Roles;
import org.alignlab.orchestrator.goal.GoalRepository;
import org.alignlab.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * A goal's report: JSON as stored, ranked claims with their provenance, the Markdown and HTML renderings (inert,
 * whatever the texts in them say) and the plots. The test plays the services around the orchestrator on the real
 * topics ({@link GoalApi}) and shares one application start with the other {@code @QuarkusTest} classes of this
 * module.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, restrictToAnnotatedClass = false)
class GoalReportTest {

    @Inject
    GoalRepository goals;

    private final GoalApi api = GoalApi.newResearcher();

    @Test
    void theReportOfARunningGoalIsNotReady() {
        UUID goal = api.createGoal(1200);
        assertProblem(api.researcher().get("/api/goals/{id}/report", goal).then(), 404)
                .body("type", endsWith("/report-not-ready"))
                .body("detail", equalTo("report not ready"));
    }

    @Test
    void aReviewedActionCompletesTheGoalWithAReportLinkingItsEvidence() throws Exception {
        UUID goal = api.createGoal(1200);
        UUID action = UUID.randomUUID();
        String verdictTrace = randomHex(16);
        String resultTrace = randomHex(16);

        publishAction(goal, action, 1, 0.0);
        publishVerdict(goal, action, Decision.ALLOW, verdictTrace);
        publishResult(goal, action, resultTrace);
        publishReview(goal, action);
        // At-least-once delivery: a redelivered verdict changes nothing.
        publishVerdict(goal, action, Decision.BLOCK, randomHex(16));

        api.awaitStatus(goal, "COMPLETED");
        api.researcher().get("/api/goals/{id}", goal).then().statusCode(200)
                .body("completedAt", notNullValue())
                .body("actions", equalTo(1));

        api.researcher().get("/api/goals/{id}/report", goal).then().statusCode(200)
                .contentType(ContentType.JSON)
                // Served as it was stored: field order and all.
                .body(startsWith("{\"goal\":{\"id\":"))
                .body("status", equalTo("COMPLETED"))
                .body("generatedAt", notNullValue())
                .body("goal.id", equalTo(goal.toString()))
                .body("goal.status", equalTo("COMPLETED"))
                .body("actions", hasSize(1))
                .body("actions[0].actionId", equalTo(action.toString()))
                .body("actions[0].traceId", equalTo(verdictTrace))
                .body("actions[0].verdict.decision", equalTo("ALLOW"))
                .body("actions[0].verdict.suspicion", equalTo(0.05f))
                .body("actions[0].verdict.policyVersion", equalTo("skeleton-1"))
                .body("actions[0].verdict.auditSeq", equalTo(7))
                .body("actions[0].verdict.auditHash", equalTo("a".repeat(64)))
                .body("actions[0].audit.records",
                        equalTo("http://127.0.0.1:8083/api/audit/records?actionId=" + action))
                .body("actions[0].audit.verdictSeq", equalTo(7))
                .body("actions[0].audit.verdictHash", equalTo("a".repeat(64)))
                .body("actions[0].result.status", equalTo("SUCCEEDED"))
                .body("actions[0].result.metrics.pgr", equalTo(0.42f))
                .body("actions[0].result.durationMs", equalTo(12000))
                .body("actions[0].result.environment.codeVersion", equalTo("abc123"))
                .body("actions[0].result.traceId", equalTo(resultTrace))
                .body("actions[0].review.verdict", equalTo("ACCEPTED"))
                .body("actions[0].review.score", equalTo(0.9f))
                .body("actions[0].review.rationale", equalTo("replicated on held-out seeds"))
                .body("actions[0].review.flags", hasItems("replicated"))
                .body("findings", hasSize(1))
                .body("findings[0]", containsString("ACCEPTED"));

        String metrics = as(Roles.OPERATOR).get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("alignlab_goals_created_total(\\{[^}]*})? [1-9]");
        assertThat(metrics).containsPattern("alignlab_goals_completed_total\\{[^}]*status=\"COMPLETED\"[^}]*} [1-9]");
    }

    /**
     * Issue 16, anomaly detection against history: a review held for a human shows, in every form of the report,
     * that the claim is held and the comparison review made.
     */
    @Test
    void aHeldClaimShowsTheComparisonWithEarlierRunsInItsReport() throws Exception {
        UUID goal = api.createGoal(1200);
        UUID action = UUID.randomUUID();
        publishAction(goal, action, 1, 0.0);
        publishVerdict(goal, action, Decision.ALLOW, randomHex(16));
        publishResult(goal, action, randomHex(16));
        publishHeldReview(goal, action);
        api.awaitStatus(goal, "COMPLETED");

        api.researcher().get("/api/goals/{id}/report", goal).then().statusCode(200)
                .body("claims[0].verdict", equalTo("INCONCLUSIVE"))
                .body("claims[0].flags", hasItems("result-anomalous"))
                .body("claims[0].anomalies[0].actionId", equalTo(action.toString()))
                .body("claims[0].anomalies[0].metric", equalTo("pgr"))
                .body("claims[0].anomalies[0].historyRuns", equalTo(5))
                .body("claims[0].anomalies[0].robustZ", equalTo(37.5f))
                .body("claims[0].quarantinedActions", hasSize(0))
                .body("findings[0]", startsWith("INCONCLUSIVE, HELD"));
        String comparison = "result of action " + action + ": pgr 0.950 (its median seed) against a median of 0.500 "
                + "over 25 seeds of 5 earlier runs, spread 0.0120, robust z 37.5";
        api.researcher().accept("text/markdown").get("/api/goals/{id}/report", goal).then().statusCode(200)
                .body(containsString("**INCONCLUSIVE, held for a human: a result it rests on lies far outside earlier "
                        + "runs of its configuration**"))
                .body(containsString("- **anomalous** " + comparison.replace("(", "\\(").replace(")", "\\)")));
        api.researcher().accept("text/html").get("/api/goals/{id}/report", goal).then().statusCode(200)
                .body(containsString("<li><strong>anomalous</strong> " + comparison + "</li>"));
    }

    /**
     * Issue 16: the re-execution audit may find a result altered after the goal ended. Review then withdraws the claim
     * resting on it, and the report, written when the goal ended, is revised to show the claim withdrawn.
     */
    @Test
    void aClaimWithdrawnAfterTheGoalEndedShowsWithdrawnInItsReport() throws Exception {
        UUID goal = api.createGoal(1200);
        UUID action = UUID.randomUUID();
        publishAction(goal, action, 1, 0.0);
        publishVerdict(goal, action, Decision.ALLOW, randomHex(16));
        publishResult(goal, action, randomHex(16));
        publishReview(goal, action);
        api.awaitStatus(goal, "COMPLETED");
        String written = api.researcher().get("/api/goals/{id}/report", goal).then().statusCode(200)
                .body("claims[0].verdict", equalTo("ACCEPTED"))
                .body("claims[0].quarantinedActions", hasSize(0))
                .extract().path("generatedAt");

        publishWithdrawal(goal, action);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> api.researcher()
                .get("/api/goals/{id}/report", goal).then().statusCode(200)
                .body("claims[0].verdict", equalTo("REJECTED")));
        api.researcher().get("/api/goals/{id}/report", goal).then().statusCode(200)
                .body("generatedAt", not(equalTo(written)))
                .body("status", equalTo("COMPLETED"))
                .body("claims", hasSize(1))
                .body("claims[0].claimId", equalTo(action.toString()))
                .body("claims[0].quarantinedActions", equalTo(List.of(action.toString())))
                .body("claims[0].flags", hasItems("result-quarantined"))
                .body("claims[0].provenance[0].quarantined", equalTo(true))
                .body("actions[0].review.verdict", equalTo("REJECTED"))
                .body("findings[0]", startsWith("REJECTED, WITHDRAWN"))
                .body("findings[0]", containsString("did not reproduce"));
        api.researcher().accept("text/markdown").get("/api/goals/{id}/report", goal).then().statusCode(200)
                .body(containsString("**REJECTED, withdrawn: a result it rests on failed the re-execution audit**"))
                .body(containsString("result SUCCEEDED (**quarantined** by the re-execution audit)"));
    }

    @Test
    void roundsRunUntilTheRoundsBudgetAndTheReportRanksTheirFindings() throws Exception {
        UUID goal = api.createGoal("{\"experiments\": 10, \"rounds\": 2}", null);
        UUID accepted = UUID.randomUUID();
        UUID rejected = UUID.randomUUID();
        String trace = randomHex(16);
        api.runActions(goal, 1, Map.of(accepted, 0.0, rejected, 0.5), trace);
        publishReview(goal, accepted, ReviewVerdict.ACCEPTED, 0.3);
        publishReview(goal, rejected, ReviewVerdict.REJECTED, 0.01);

        RoundRequested second = awaitRound(goal, 2);
        // Both requests went through the outbox, and the relay marked them sent once the broker had them.
        await().atMost(Duration.ofSeconds(5)).until(() -> roundsSentByTheOutbox(goals, goal) == 2);
        assertThat(second.budgetLeft().experiments()).isEqualTo(8);
        assertThat(second.budgetLeft().rounds()).isEqualTo(1);
        assertThat(second.budgetLeft().computeSeconds()).isEqualTo(859);
        UUID best = UUID.randomUUID();
        api.runActions(goal, 2, Map.of(best, 1.0), trace);
        publishReview(goal, best, ReviewVerdict.ACCEPTED, 0.5);

        api.awaitStatus(goal, "COMPLETED");
        api.researcher().get("/api/goals/{id}", goal).then().statusCode(200)
                .body("round", equalTo(2))
                .body("exhaustedBudget", equalTo("rounds"))
                .body("endReason", containsString("budget.rounds: 2 of 2 spent"))
                .body("spent.experiments", equalTo(3))
                .body("spent.rounds", equalTo(2));
        assertThat(roundsRequested(goal)).containsOnly(1, 2);

        api.researcher().get("/api/goals/{id}/report", goal).then().statusCode(200)
                .body("claims.verdict", equalTo(List.of("ACCEPTED", "ACCEPTED", "REJECTED")))
                .body("claims[0].claimId", equalTo(best.toString()))
                .body("claims[0].round", equalTo(2))
                .body("claims[2].claimId", equalTo(rejected.toString()))
                .body("claims[0].provenance[0].actionId", equalTo(best.toString()))
                .body("claims[0].provenance[0].auditRecords",
                        equalTo("http://127.0.0.1:8083/api/audit/records?actionId=" + best))
                .body("claims[0].provenance[0].traceId", equalTo(trace))
                .body("claims[0].provenance[0].resultStatus", equalTo("SUCCEEDED"))
                .body("actions[0].proposal.params.auxLossAlpha", notNullValue());

        String md = api.researcher().queryParam("format", "md").get("/api/goals/{id}/report", goal).then()
                .statusCode(200).contentType(startsWith("text/markdown")).extract().asString();
        assertThat(md).contains("## Findings, ranked", "1. **ACCEPTED**", "3. **REJECTED**",
                "[audit records](http://127.0.0.1:8083/api/audit/records?actionId=" + best + ")",
                "trace `" + trace + "`", "/api/goals/" + goal + "/report/plots/pgr-by-configuration.png",
                "/api/goals/" + goal + "/report/plots/forest.png");
        assertThat(md.indexOf("**REJECTED**")).isGreaterThan(md.lastIndexOf("**ACCEPTED**"));
        // The HTML carries its plots: a saved page shows them without the token the plot URLs need.
        String html = api.researcher().accept("text/html").get("/api/goals/{id}/report", goal).then()
                .statusCode(200).contentType(startsWith("text/html"))
                .header("Content-Security-Policy", containsString("img-src data:;")).extract().asString();
        assertThat(html).contains("<ol class=\"findings\">",
                "<a href=\"http://127.0.0.1:8083/api/audit/records?actionId=" + best + "\">audit records</a>")
                .doesNotContain("/report/plots/");
        assertThat(html.split("<img src=\"data:image/png;base64,", -1)).hasSize(4);

        for (String plot : List.of("pgr-by-configuration", "metric-vs-parameter")) {
            byte[] png = api.researcher().get("/api/goals/{id}/report/plots/{name}.png", goal, plot).then()
                    .statusCode(200).contentType("image/png").extract().asByteArray();
            assertThat(Arrays.copyOf(png, 8)).as(plot).isEqualTo(PNG_SIGNATURE);
            assertThat(pixelsOf(png, new Color(0x1F, 0x77, 0xB4))).as(plot + " drew its data").isGreaterThan(10);
        }
        byte[] forest = api.researcher().get("/api/goals/{id}/report/plots/forest.png", goal).then()
                .statusCode(200).contentType("image/png").extract().asByteArray();
        // The accepted claims' colour, the rejected one's.
        assertThat(pixelsOf(forest, new Color(0x2C, 0xA0, 0x2C))).isGreaterThan(100);
        assertThat(pixelsOf(forest, new Color(0xD6, 0x27, 0x28))).isGreaterThan(50);
        assertProblem(api.researcher().get("/api/goals/{id}/report/plots/overoptimization.png", goal).then(), 404);
        assertProblem(api.researcher().queryParam("format", "pdf").get("/api/goals/{id}/report", goal).then(), 400)
                .body("violations[0].field", equalTo("format"));
    }

    @Test
    void hostileTextFromTheResearcherAnAgentAndTheReviewerIsInertInTheMarkdownAndHtmlReport() throws Exception {
        // The reproduction of issue 13: the Markdown report copied raw HTML and javascript: links.
        String question = "<script>alert(1)</script> [x](javascript:alert(1)) ![i](http://evil/x.png) | a | b | ```";
        String policy = "<img src=x onerror=alert(1)> | c | d | [p](javascript:alert(2))";
        String hypothesis = "```\n<script>alert(3)</script>\n# heading\n![h](http://evil/h.png)";
        String rationale = "fine\n\n```\n</code><script>alert(4)</script>\n| e | f |\n[r](javascript:alert(5))";
        UUID goal = UUID.fromString(api.researcher().contentType(ContentType.JSON)
                .body(Map.of("question", question, "family", "weak-to-strong"))
                .post("/api/goals").then().statusCode(201).extract().path("id"));
        UUID action = UUID.randomUUID();
        publishAction(goal, action, 1, 0.0, policy, hypothesis);
        // The proposal first, so the report holds it whatever order the other topics arrive in.
        await().atMost(EVENTUALLY).untilAsserted(() -> api.researcher().get("/api/goals/{id}", goal).then()
                .body("actions", equalTo(1)));
        publishVerdict(goal, action, Decision.ALLOW, randomHex(16));
        publishResult(goal, action, randomHex(16));
        publishReview(goal, action, rationale, List.of("<b>bold</b>", "`x`|y"));
        api.awaitStatus(goal, "COMPLETED");

        // JSON is data: every text as it was written.
        api.researcher().get("/api/goals/{id}/report", goal).then().statusCode(200)
                .contentType(ContentType.JSON)
                .header("X-Content-Type-Options", "nosniff")
                .body("goal.question", equalTo(question))
                .body("actions[0].proposal.policy", equalTo(policy))
                .body("actions[0].proposal.hypothesis", equalTo(hypothesis))
                .body("actions[0].review.rationale", equalTo(rationale))
                .body("claims[0].flags", equalTo(List.of("<b>bold</b>", "`x`|y")));

        String md = api.researcher().queryParam("format", "md").get("/api/goals/{id}/report", goal).then()
                .statusCode(200).header("X-Content-Type-Options", "nosniff").extract().asString();
        // A flag is a code span: shown as written, and a code span renders no HTML.
        assertThat(md).doesNotContain("<script", "<img", "](javascript:", "![i](", "![h](")
                .contains("Flags: `<b>bold</b>`, `` `x`|y ``.")
                .contains("# &lt;script&gt;alert\\(1\\)&lt;/script&gt; \\[x\\]\\(javascript:alert\\(1\\)\\)"
                        + " \\!\\[i\\]\\(http\\://evil/x.png\\) \\| a \\| b \\| \\`\\`\\`\n");
        // Only the report's own headings and blocks: nothing the text said opened one.
        assertThat(md.lines().filter(line -> line.startsWith("#")))
                .allSatisfy(line -> assertThat(line).matches("# &lt;script.*|## (Findings, ranked|Plots|Actions)"));
        assertThat(md.lines().filter(line -> line.startsWith("```") || line.startsWith("    "))).isEmpty();
        assertThat(md.lines().filter(line -> line.startsWith("| `" + action)).findFirst().orElseThrow()
                .replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(11);

        String html = api.researcher().queryParam("format", "html").get("/api/goals/{id}/report", goal).then()
                .statusCode(200).header("Content-Security-Policy", containsString("default-src 'none'"))
                .extract().asString();
        assertThat(html).doesNotContain("<script", "<img src=x", "<b>", "href=\"javascript")
                .contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1))",
                        "&lt;img src=x onerror=alert(1)&gt;", "&lt;/code&gt;&lt;script&gt;alert(4)&lt;/script&gt;");
    }
}
