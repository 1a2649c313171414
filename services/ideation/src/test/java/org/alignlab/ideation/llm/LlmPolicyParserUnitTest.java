package org.alignlab.ideation.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.alignlab.contracts.events.Budget;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.contracts.events.Split;
import org.alignlab.contracts.json.Json;
import org.alignlab.ideation.config.IdeationConfig;
import org.alignlab.ideation.config.TestConfigs;
import org.alignlab.ideation.policy.GoalHistory;
import org.alignlab.ideation.policy.Proposal;
import org.alignlab.ideation.policy.Trial;
import org.alignlab.ideation.search.SearchPolicy;
import org.alignlab.ideation.space.SearchSpaces;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A unit test of the LLM policy's reply parsing and fallback: the policy talks to a local HTTP stub of an
 * OpenAI-compatible server ({@code com.sun.net.httpserver}), no model and no Quarkus involved.
 */
class LlmPolicyParserUnitTest {

    private static final String MODEL = "stub-model";
    private static final Map<String, String> SETTINGS = Map.of(
            "alignlab.ideation.families.weak-to-strong.search", "auxLossAlpha,noise,nonlinearity",
            "alignlab.ideation.families.weak-to-strong.params.epochs", "5");

    private final AtomicReference<String> reply = new AtomicReference<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<String> requestBody = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private HttpServer server;
    private SearchPolicy search;
    private SearchSpaces spaces;
    private LlmPolicy policy;

    @BeforeEach
    void startTheStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            requestBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = reply.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        IdeationConfig config = TestConfigs.ideation(SETTINGS);
        spaces = new SearchSpaces(config);
        search = new SearchPolicy(spaces, config);
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        policy = new LlmPolicy(new ChatClient(url, Optional.of("sk-test"), MODEL, Duration.ofSeconds(5)), MODEL,
                spaces, search);
    }

    @AfterEach
    void stopTheStub() {
        server.stop(0);
    }

    @Test
    void aGoalWithFactorsTakesOnlyProposalsThatChangeOneOfThemAndTheSweepFillsTheRest() {
        answer("{\"proposals\": ["
                + proposal("{\"auxLossAlpha\": 0.5}", "increase", "A confident student ignores weak errors.")
                + "," + proposal("{\"noise\": 0.8, \"auxLossAlpha\": 0.25}", "increase", "Two at once.")
                + "," + proposal("{\"noise\": 0.8}", "increase", "Not the question.") + "]}");
        RoundRequested round = new RoundRequested(UUID.randomUUID(), 1, "weak-to-strong", "Where does PGR peak?",
                List.of("auxLossAlpha"), new Budget(5, 3000, 3, 3600), List.of());

        List<Proposal> proposals = policy.propose(round, GoalHistory.empty());

        assertThat(proposals).extracting(Proposal::policy).containsExactly(SearchPolicy.BASELINE, "llm/" + MODEL,
                SearchPolicy.SWEEP, SearchPolicy.SWEEP, SearchPolicy.SWEEP);
        assertThat(proposals.subList(1, 5)).allSatisfy(p -> assertThat(p.spec().params().keySet())
                .containsExactlyInAnyOrder("auxLossAlpha", "epochs"));
        String prompt = Json.parse(requestBody.get()).path("messages").path(1).path("content").asText();
        assertThat(prompt).contains("Factors the goal asks about: auxLossAlpha. Change only these");
    }

    @Test
    void validProposalsAreUsedAfterTheBaselineAndTheSearchFillsTheRest() {
        answer("Here you go:\n```json\n{\"proposals\": ["
                + proposal("{\"auxLossAlpha\": 0.5}", "increase", "A confident student ignores weak errors.")
                + "," + proposal("{\"noise\": 0.8, \"auxLossAlpha\": 0.25}", "increase", "Less noise, clearer gap.")
                + "]}\n```");
        // A question that names no factor: the model may change several parameters, as the exploration does.
        RoundRequested round = round("Does a confident student raise PGR?");

        List<Proposal> proposals = policy.propose(round, GoalHistory.empty());

        assertThat(proposals).extracting(Proposal::policy).containsExactly(SearchPolicy.BASELINE, "llm/" + MODEL,
                "llm/" + MODEL, SearchPolicy.SPACE_FILLING, SearchPolicy.SPACE_FILLING);
        Proposal first = proposals.get(1);
        assertThat(first.spec().params()).isEqualTo(Map.of("auxLossAlpha", 0.5, "epochs", 5L));
        assertThat(first.spec().split()).isEqualTo(Split.VALIDATION);
        assertThat(first.hypothesis()).contains("Does a confident student raise PGR?")
                .contains("auxLossAlpha 0.0 → 0.5").contains("pgr increases")
                .contains("A confident student ignores weak errors.");
        assertThat(proposals.get(2).spec().params()).isEqualTo(Map.of("noise", 0.8, "auxLossAlpha", 0.25,
                "epochs", 5L));

        JsonNode request = Json.parse(requestBody.get());
        assertThat(request.path("model").asText()).isEqualTo(MODEL);
        String prompt = request.path("messages").path(1).path("content").asText();
        assertThat(prompt).contains("Does a confident student raise PGR?")
                .contains("\"auxLossAlpha\"").contains("\"maximum\"")
                .contains("Metric to improve: pgr").contains("Propose exactly 4 new configurations");
        assertThat(authorization.get()).isEqualTo("Bearer sk-test");
    }

    @Test
    void eachInvalidProposalIsReplacedByTheSearchPoliciesOwn() {
        String tested = spaces.configKey("weak-to-strong", Map.of("epochs", 5, "noise", 1.5));
        GoalHistory history = new GoalHistory(List.of(new Trial(tested, Map.of("epochs", 5, "noise", 1.5), null,
                Map.of())));
        answer("{\"proposals\": ["
                + proposal("{\"noise\": 500}", "increase", "Out of the schema's bounds.")
                + "," + proposal("{\"temperature\": 2}", "increase", "Not a parameter of the family.")
                + "," + proposal("{\"noise\": 1.5}", "increase", "Already tested.")
                + ",{\"params\": {\"noise\": 0.7}, \"hypothesis\": \"No direction given.\", \"metric\": \"pgr\"}"
                + "," + proposal("{\"nonlinearity\": 0.9}", "decrease", "A harder label hurts the student.")
                + "]}");

        List<Proposal> proposals = policy.propose(round("q"), history);

        // With a result pending the search plans the baseline and two more; the one valid idea takes a slot.
        assertThat(proposals).extracting(Proposal::policy).containsExactly(SearchPolicy.BASELINE,
                "llm/" + MODEL, SearchPolicy.SPACE_FILLING);
        assertThat(proposals.get(1).spec().params()).containsEntry("nonlinearity", 0.9);
        assertThat(proposals.get(1).hypothesis()).contains("pgr decreases");
        assertThat(proposals).noneMatch(p -> p.spec().params().containsKey("temperature")
                || Integer.valueOf(500).equals(p.spec().params().get("noise")));
        // The tested configuration is not proposed again; a space-filling point may still draw noise 1.5 with other
        // params, which is another configuration.
        assertThat(proposals).extracting(p -> spaces.configKey("weak-to-strong", p.spec().params()))
                .doesNotContain(tested);
        assertThat(Json.parse(requestBody.get()).path("messages").path(1).path("content").asText())
                .contains("Already tested").contains("\"noise\":1.5").contains(": no result yet");
    }

    @Test
    void aReplyThatIsNotTheAskedJsonLeavesTheRoundToTheSearch() {
        RoundRequested round = round("q");
        List<Proposal> searchAlone = search.propose(round, GoalHistory.empty());

        answer("I would suggest lowering the noise a little.");
        assertThat(policy.propose(round, GoalHistory.empty())).isEqualTo(searchAlone);

        answer("{\"ideas\": []}");
        assertThat(policy.propose(round, GoalHistory.empty())).isEqualTo(searchAlone);
    }

    @Test
    void anHttpErrorLeavesTheRoundToTheSearch() {
        RoundRequested round = round("q");
        status.set(503);
        reply.set("{\"error\": \"overloaded\"}");

        assertThat(policy.propose(round, GoalHistory.empty())).isEqualTo(search.propose(round, GoalHistory.empty()));
    }

    @Test
    void theParserReadsFencedJsonAndChecksEachProposalsShape() {
        List<LlmReplyParser.Candidate> candidates = LlmReplyParser.parse("```json\n{\"proposals\": ["
                + proposal("{\"noise\": 0.8}", "increase", "ok") + ", {\"params\": 3, \"hypothesis\": \"\","
                + " \"direction\": \"up\", \"metric\": \"two words\"}]}\n```");

        assertThat(candidates.get(0).wellFormed()).isTrue();
        assertThat(candidates.get(0).params()).isEqualTo(Map.of("noise", 0.8));
        assertThat(candidates.get(1).problems()).hasSize(4);
        assertThatThrownBy(() -> LlmReplyParser.parse("{\"proposals\": ")).isInstanceOf(InvalidLlmReplyException.class);
    }

    /**
     * Reproduction (issue 13): a NUL in a reply's hypothesis once reached the action and stalled the agent.actions
     * consumers downstream. The reply is now refused as a whole, naming the field, and the search takes the round.
     */
    @Test
    void aReplyWithAControlCharacterIsRefusedNamingTheField() {
        assertThatThrownBy(() -> LlmReplyParser.parse("{\"proposals\": ["
                + proposal("{\"noise\": 0.8}", "increase", "nul \\u0000 here") + "]}"))
                .isInstanceOf(InvalidLlmReplyException.class)
                .hasMessageContaining("$.proposals[0].hypothesis").hasMessageContaining("U+0000");
    }

    private void answer(String content) {
        status.set(200);
        reply.set(Json.write(Map.of("id", "chatcmpl-1", "object", "chat.completion",
                "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                        "message", Map.of("role", "assistant", "content", content))))));
    }

    private static String proposal(String params, String direction, String hypothesis) {
        return "{\"params\": " + params + ", \"hypothesis\": \"" + hypothesis + "\", \"direction\": \"" + direction
                + "\", \"metric\": \"pgr\"}";
    }

    private static RoundRequested round(String question) {
        return new RoundRequested(UUID.randomUUID(), 1, "weak-to-strong", question, new Budget(5, 3000, 3, 3600),
                List.of());
    }
}
