package org.alignlab.contracts.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

    // A mapper with Jackson's defaults, as the services' is: the record alone must keep absent members off.
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void leavesAbsentDetailAndViolationsOffTheWire() throws Exception {
        assertThat(mapper.writeValueAsString(new Problem(Problem.NOT_FOUND, "Not Found", 404, null, null)))
                .isEqualTo("{\"type\":\"https://alignlab.org/problems/not-found\",\"title\":\"Not Found\","
                        + "\"status\":404}");
        assertThat(mapper.writeValueAsString(new Problem(Problem.HTTP_ERROR, "x", 405, "x", List.of())))
                .doesNotContain("violations");
    }

    @Test
    void writesTheViolationsOfA400() throws Exception {
        Problem problem = new Problem(Problem.INVALID_REQUEST, "Invalid request", 400, "goalId: must be a UUID",
                List.of(new Problem.Violation("goalId", "must be a UUID")));
        String json = mapper.writeValueAsString(problem);

        assertThat(json).contains("\"violations\":[{\"field\":\"goalId\",\"message\":\"must be a UUID\"}]");
        assertThat(mapper.readValue(json, Problem.class)).isEqualTo(problem);
    }
}
