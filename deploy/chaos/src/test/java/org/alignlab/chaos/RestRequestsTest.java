package org.alignlab.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.alignlab.contracts.json.Json;
import org.junit.jupiter.api.Test;

/** The REST fuzzer reads an OpenAPI document into operations and builds every mutation of their requests. */
class RestRequestsTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0",
             "paths": {
               "/api/goals": {"post": {"requestBody": {"content": {"application/json":
                   {"schema": {"$ref": "#/components/schemas/CreateGoal"}}}}}},
               "/api/goals/{id}/cancel": {"parameters": [{"name": "id", "in": "path", "schema": {"type": "string"}}],
                   "post": {}},
               "/api/held-actions": {"get": {"parameters": [
                   {"name": "goalId", "in": "query", "schema": {"type": "string", "format": "uuid"}},
                   {"name": "status", "in": "query", "schema": {"enum": ["HELD", "APPROVED"]}}]}},
               "/q/health": {"get": {}}},
             "components": {"schemas": {"CreateGoal": {"type": "object", "properties": {
                 "question": {"type": "string"}, "roundTimeoutSeconds": {"type": "integer"},
                 "budget": {"type": "object", "properties": {"rounds": {"type": "integer"}}}}}}}}
            """;

    @Test
    void readsEveryOperationOutsideQuarkusOwnPathsWithItsParametersAndBody() {
        List<OpenApiOperations.Operation> ops = OpenApiOperations.of("orchestrator", Json.parse(DOCUMENT));
        assertThat(ops).extracting(OpenApiOperations.Operation::name).containsExactlyInAnyOrder(
                "orchestrator POST /api/goals", "orchestrator POST /api/goals/{id}/cancel",
                "orchestrator GET /api/held-actions");
        OpenApiOperations.Operation create = ops.stream().filter(o -> o.path().equals("/api/goals")).findFirst()
                .orElseThrow();
        assertThat(create.bodyType()).isEqualTo("application/json");
        assertThat(create.bodySchema().path("properties").has("question")).as("the $ref was followed").isTrue();
    }

    @Test
    void theBaselineFillsEveryParameterAndBodyFieldAndEveryMutationBuildsARequest() throws Exception {
        Random random = new Random(7);
        for (OpenApiOperations.Operation op : OpenApiOperations.of("orchestrator", Json.parse(DOCUMENT))) {
            FuzzRequest baseline = RestFuzzer.baseline(op, random);
            assertThat(baseline.pathAndQuery()).doesNotContain("{", "}");
            if (op.bodyType() != null) {
                JsonNode body = Json.mapper().readTree(baseline.body());
                assertThat(body.path("budget").path("rounds").isInt()).isTrue();
                assertThat(body.path("question").isTextual()).isTrue();
            }
            for (Mutation mutation : Mutation.values()) {
                FuzzRequest mutated = mutation.apply(baseline);
                assertThat(mutated.method()).isEqualTo(op.method());
                assertThat(mutated.pathAndQuery()).startsWith("/api/");
            }
        }
    }

    @Test
    void mutationsSpoilWhatTheySayTheySpoil() {
        OpenApiOperations.Operation create = OpenApiOperations.of("orchestrator", Json.parse(DOCUMENT)).stream()
                .filter(o -> o.path().equals("/api/goals")).findFirst().orElseThrow();
        FuzzRequest baseline = RestFuzzer.baseline(create, new Random(1));
        assertThat(new String(Mutation.BODY_HUGE_NUMBERS.apply(baseline).body(), StandardCharsets.UTF_8))
                .contains("1e400").doesNotContain("__NUM__");
        assertThat(new String(Mutation.BODY_NUL_STRINGS.apply(baseline).body(), StandardCharsets.UTF_8))
                .contains("\\u0000");
        assertThat(Mutation.BODY_HUGE_STRINGS.apply(baseline).body().length).isGreaterThan(1_000_000);
        assertThat(Mutation.CONTENT_TYPE_MISSING.apply(baseline).headers()).doesNotContainKey("Content-Type");
    }
}
