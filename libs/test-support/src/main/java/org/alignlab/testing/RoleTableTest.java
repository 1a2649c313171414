package org.alignlab.testing;

import io.restassured.RestAssured;
import java.util.List;
import java.util.stream.Stream;
import org.alignlab.contracts.security.Roles;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A service's endpoint × role test: subclass it as the service's {@code @QuarkusTest}, list the role table in
 * {@link #endpoints()}, and every row, and every service's operations endpoints, is called by every kind of caller
 * ({@link EndpointAccess#assertCall}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RoleTableTest {

    /** What every service serves alike: metrics and OpenAPI for operators, health for anyone (probes). */
    private static final List<EndpointAccess> OPERATIONS = List.of(
            EndpointAccess.roles("GET", "/q/metrics", 200, Roles.OPERATOR),
            EndpointAccess.roles("GET", "/q/openapi", 200, Roles.OPERATOR),
            EndpointAccess.open("GET", "/q/health/live", 200),
            EndpointAccess.open("GET", "/q/health/ready", 200));

    /** The service's own role table: every endpoint under /api, who may call it, what an allowed caller gets. */
    protected abstract List<EndpointAccess> endpoints();

    protected Stream<Arguments> everyEndpointAndCaller() {
        return EndpointAccess.everyCaller(Stream.concat(endpoints().stream(), OPERATIONS.stream()).toList());
    }

    /** Readiness includes the service's Kafka and database connections, which the test resource started. */
    @Test
    protected void readyWhenKafkaAndTheDatabaseAre() {
        RestAssured.given().get("/q/health/ready").then().statusCode(200).body("status", Matchers.equalTo("UP"));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointAndCaller")
    protected void eachCallerGetsWhatItsRoleAllows(EndpointAccess endpoint, TestCaller caller) {
        endpoint.assertCall(caller);
    }
}
