package org.alignlab.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.alignlab.contracts.problem.Problem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The problem documents the mappers make, and the field each violation names, without a running service. */
class ProblemMappersTest {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static ValidatorFactory validators;
    private static Validator validator;

    private final ProblemMappers mappers = new ProblemMappers();

    record Budget(@Positive Integer rounds) {
    }

    record Goal(@NotBlank String question, @Valid Budget budget, List<Integer> seeds) {
    }

    /** A resource method's signature, for constraints on parameters. */
    static class Resource {
        public void create(@NotBlank String question, @Valid Goal body) {
        }
    }

    @BeforeAll
    static void startValidation() {
        validators = Validation.buildDefaultValidatorFactory();
        validator = validators.getValidator();
    }

    @AfterAll
    static void stopValidation() {
        validators.close();
    }

    @Test
    void aViolatedPropertyIsNamedByItsJsonPath() {
        Set<ConstraintViolation<Goal>> violations = validator.validate(new Goal("q", new Budget(0), List.of()));

        assertThat(violations).extracting(v -> ProblemMappers.fieldOf(v.getPropertyPath()))
                .containsExactly("budget.rounds");
    }

    @Test
    void aViolatedParameterIsNamedWithoutTheResourceMethod() throws Exception {
        var method = Resource.class.getMethod("create", String.class, Goal.class);
        Set<ConstraintViolation<Resource>> violations = validator.forExecutables().validateParameters(
                new Resource(), method, new Object[] {" ", new Goal("", new Budget(1), List.of())});

        // The parameter itself, and a property of the body parameter: both are the client's "question".
        assertThat(violations).extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder("create.question", "create.body.question");
        assertThat(violations).extracting(v -> ProblemMappers.fieldOf(v.getPropertyPath()))
                .containsExactly("question", "question");
    }

    @Test
    void constraintViolationsAreOne400SortedByField() {
        Set<ConstraintViolation<Goal>> violations = validator.validate(new Goal(" ", new Budget(-1), List.of()));

        Problem problem = problemOf(mappers.constraintViolation(
                new ConstraintViolationException(violations)), 400);
        assertThat(problem.type()).isEqualTo(Problem.INVALID_REQUEST);
        assertThat(problem.violations()).extracting(Problem.Violation::field)
                .containsExactly("budget.rounds", "question");
        assertThat(problem.detail()).startsWith("budget.rounds: ").contains("; question: ");
    }

    @Test
    void anUnknownFieldIsNamedByItsPath() {
        MismatchedInputException e = readFails("{\"question\": \"q\", \"budget\": {\"gpus\": 8}}");

        assertThat(ProblemMappers.fieldOf(e)).isEqualTo("budget.gpus");
        assertThat(problemOf(mappers.mismatchedInput(e), 400).violations())
                .containsExactly(new Problem.Violation("budget.gpus", "unknown field"));
    }

    @Test
    void aValueOfTheWrongTypeIsNamedWithTheTypeItMustHave() {
        MismatchedInputException number = readFails("{\"budget\": {\"rounds\": \"many\"}}");
        MismatchedInputException element = readFails("{\"seeds\": [1, \"two\"]}");
        MismatchedInputException object = readFails("{\"budget\": 5}");

        assertThat(problemOf(mappers.mismatchedInput(number), 400).violations())
                .containsExactly(new Problem.Violation("budget.rounds", "must be a number"));
        assertThat(ProblemMappers.fieldOf(element)).isEqualTo("seeds.1");
        assertThat(problemOf(mappers.mismatchedInput(object), 400).violations())
                .containsExactly(new Problem.Violation("budget", "must be an object"));
    }

    @Test
    void aBodyThatIsNotJsonIsA400NamingTheBody() {
        JsonProcessingException notJson = catchThrowableOfType(JsonProcessingException.class,
                () -> STRICT.readValue("{\"question\": ", Goal.class));

        Problem problem = problemOf(mappers.webApplication(new BadRequestException(notJson)), 400);
        assertThat(problem.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo(ProblemMappers.BODY);
            assertThat(v.message()).startsWith("not valid JSON: ");
        });
    }

    @Test
    void anUnmatchedMethodKeepsItsStatusAsAnHttpError() {
        Problem problem = problemOf(mappers.webApplication(new NotAllowedException("GET")), 405);

        assertThat(problem.type()).isEqualTo(Problem.HTTP_ERROR);
        assertThat(problem.title()).isEqualTo("Method Not Allowed");
    }

    @Test
    void aServicesOwnProblemKeepsItsTypeAndHeaders() {
        Response response = mappers.problem(ProblemException.unavailable(Problem.TYPE_BASE + "queue-full",
                "Queue full", "the queue is full", 1));

        assertThat(problemOf(response, 503).type()).isEqualTo(Problem.TYPE_BASE + "queue-full");
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("1");
    }

    @Test
    void anUnexpectedFailureSaysNothingOfItself() {
        Problem problem = problemOf(mappers.unexpected(new IllegalStateException("secret detail")), 500);

        assertThat(problem.type()).isEqualTo(Problem.INTERNAL_ERROR);
        assertThat(problem.detail()).doesNotContain("secret", "IllegalStateException");
    }

    /**
     * Found by deploy/chaos: while PostgreSQL restarted, every API call that needed it (a reviewer's decision, a goal,
     * the audit records) was answered 500 internal-error and logged with a stack trace, as if it were a bug; a client
     * could not tell that retrying would do. A lost or refused database connection is now 503 with Retry-After.
     */
    @Test
    void aDatabaseOutageIsServiceUnavailableWithRetryAfter() {
        Exception lost = new RuntimeException("JDBC exception executing SQL",
                new java.sql.SQLException("An I/O error occurred while sending to the backend.", "08006"));
        Exception refused = new IllegalStateException("Unable to acquire JDBC Connection",
                new java.sql.SQLException("Connection to 127.0.0.1:15432 refused.", "08001",
                        new java.net.ConnectException("Connection refused")));
        Exception exhausted = new RuntimeException(
                new java.sql.SQLException("Acquisition timeout while waiting for new connection"));

        for (Exception outage : List.of(lost, refused, exhausted)) {
            Response response = mappers.unexpected(outage);
            Problem problem = problemOf(response, 503);
            assertThat(problem.type()).isEqualTo(Problem.UNAVAILABLE);
            assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
            assertThat(problem.detail()).doesNotContain("JDBC", "SQL", "127.0.0.1");
        }
        // A failure the database reports about the statement itself is still a bug of ours: 500.
        problemOf(mappers.unexpected(new RuntimeException(new java.sql.SQLException("syntax error", "42601"))), 500);
    }

    private static MismatchedInputException readFails(String json) {
        return catchThrowableOfType(MismatchedInputException.class, () -> STRICT.readValue(json, Goal.class));
    }

    private static Problem problemOf(Response response, int status) {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getMediaType()).hasToString(Problem.MEDIA_TYPE);
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.status()).isEqualTo(status);
        return problem;
    }
}
