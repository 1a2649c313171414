package org.alignlab.contracts.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonLimits#applyTo} on a mapper AlignLab does not configure otherwise, as Quarkus' own is for request
 * bodies: every refusal is a {@link JsonProcessingException}, an unsafe value an {@link UnsafeInputException} with the
 * field's path.
 */
class UnsafeInputModuleTest {

    record Budget(Integer experiments, double share) {
    }

    record GoalBody(String question, List<String> tags, Map<String, Double> weights, Budget budget, Float ratio) {
    }

    private final ObjectMapper mapper = JsonLimits.applyTo(new ObjectMapper());

    private GoalBody read(String json) throws JsonProcessingException {
        return mapper.readValue(json, GoalBody.class);
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("."));
    }

    @Test
    void aSafeBodyBindsWithItsLineBreaks() throws Exception {
        GoalBody body = read("{\"question\": \"why?\\nand how?\", \"tags\": [\"a\"], \"weights\": {\"w\": 0.5},"
                + " \"budget\": {\"experiments\": 4, \"share\": 0.25}, \"ratio\": 1.5}");

        assertThat(body).isEqualTo(new GoalBody("why?\nand how?", List.of("a"), Map.of("w", 0.5), new Budget(4, 0.25),
                1.5f));
    }

    @Test
    void aNulInAnyStringIsRefusedWithTheFieldsPath() {
        Map<String, String> paths = Map.of(
                "{\"question\": \"why\\u0000\"}", "question",
                "{\"tags\": [\"ok\", \"\\u001b[31m\"]}", "tags.1",
                "{\"weights\": {\"w\\u0000\": 1}}", "weights");
        paths.forEach((json, path) -> assertThatThrownBy(() -> read(json)).as(json)
                .isInstanceOfSatisfying(UnsafeInputException.class, e -> {
                    assertThat(pathOf(e)).isEqualTo(path);
                    assertThat(e.getOriginalMessage()).startsWith("contains the control character U+00");
                }));
    }

    @Test
    void aNumberThatIsNotFiniteIsRefusedWithTheFieldsPath() {
        for (String json : List.of("{\"budget\": {\"share\": 1e400}}", "{\"budget\": {\"share\": \"NaN\"}}",
                "{\"weights\": {\"w\": -1e999}}", "{\"ratio\": 1e39}")) {
            assertThatThrownBy(() -> read(json)).as(json)
                    .isInstanceOfSatisfying(UnsafeInputException.class,
                            e -> assertThat(e.getOriginalMessage()).isEqualTo("must be a finite number"));
        }
    }

    @Test
    void theParserLimitsHoldForRequestBodiesToo() {
        // Wrapped by databind with the path; Quarkus answers either with a 400 (its reader wraps it).
        assertThatThrownBy(() -> read("{\"budget\": {\"experiments\": " + "9".repeat(400) + "}}"))
                .isInstanceOf(JsonMappingException.class).hasRootCauseInstanceOf(StreamConstraintsException.class)
                .hasMessageContaining("Number value length");
        assertThatThrownBy(() -> mapper.readTree("{\"tags\": " + "[".repeat(40) + "]".repeat(40) + "}"))
                .isInstanceOf(StreamConstraintsException.class).hasMessageContaining("nesting depth");
        assertThatThrownBy(() -> read("{\"question\": \"a\", \"question\": \"b\"}"))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("Duplicate field 'question'");
        assertThatThrownBy(() -> read("{\"question\": \"a\"} {}"))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("Trailing token");
    }
}
