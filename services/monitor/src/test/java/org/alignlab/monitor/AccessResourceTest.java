package org.alignlab.monitor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.alignlab.contracts.security.Roles;
import org.alignlab.infra.EndpointAccess;
import org.alignlab.infra.TestCaller;
import org.alignlab.infra.TestInfrastructure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every endpoint of the monitor, called by every kind of caller: the role table of the README, enforced. */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TestSigningKeys.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TrustedModelStandIn.class, restrictToAnnotatedClass = false)
class AccessResourceTest {

    // No such action or record: a caller the gate lets through gets the resource's own 404.
    private static final String UNKNOWN = UUID.randomUUID().toString();

    private static final List<EndpointAccess> ENDPOINTS = List.of(
            EndpointAccess.roles("GET", "/api/audit/verify", 200, Roles.REVIEWER, Roles.OPERATOR),
            EndpointAccess.roles("GET", "/api/audit/records?goalId=" + UNKNOWN, 200, Roles.REVIEWER, Roles.OPERATOR),
            EndpointAccess.roles("GET", "/api/audit/records/999999999", 404,
                    Roles.SERVICE, Roles.REVIEWER, Roles.OPERATOR),
            EndpointAccess.roles("GET", "/api/keys/ticket-signing", 200, Roles.OPERATOR, Roles.REVIEWER, Roles.SERVICE),
            EndpointAccess.roles("GET", "/api/held-actions", 200, Roles.REVIEWER, Roles.OPERATOR),
            EndpointAccess.roles("GET", "/api/actions/" + UNKNOWN, 404, Roles.REVIEWER, Roles.OPERATOR),
            // Only a reviewer decides a held action: not a researcher, not even an operator.
            EndpointAccess.roles("POST", "/api/held-actions/" + UNKNOWN + "/decision", 404, Roles.REVIEWER)
                    .withBody("{\"decision\": \"APPROVE\", \"reason\": \"looks fine\"}"),
            EndpointAccess.roles("GET", "/q/metrics", 200, Roles.OPERATOR),
            EndpointAccess.roles("GET", "/q/openapi", 200, Roles.OPERATOR),
            EndpointAccess.open("GET", "/q/health/live", 200),
            EndpointAccess.open("GET", "/q/health/ready", 200));

    static Stream<Arguments> everyEndpointAndCaller() {
        return ENDPOINTS.stream().flatMap(e -> Stream.of(TestCaller.values()).map(c -> Arguments.of(e, c)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointAndCaller")
    void eachCallerGetsWhatItsRoleAllows(EndpointAccess endpoint, TestCaller caller) {
        int expected = endpoint.expectedStatus(caller);
        ValidatableResponse response = request(endpoint, caller).then().statusCode(expected);
        if (expected == 401) {
            response.header("WWW-Authenticate", "Bearer");
        }
        if ((expected == 401 || expected == 403) && endpoint.path().startsWith("/api/")) {
            response.contentType("application/problem+json")
                    .body("status", equalTo(expected))
                    .body("type", endsWith(expected == 401 ? "/unauthorized" : "/forbidden"));
        }
    }

    private static Response request(EndpointAccess endpoint, TestCaller caller) {
        RequestSpecification spec = given();
        if (caller.authorization() != null) {
            spec.header("Authorization", caller.authorization());
        }
        if (endpoint.body() != null) {
            spec.contentType(ContentType.JSON).body(endpoint.body());
        }
        return spec.request(endpoint.method(), endpoint.path());
    }
}
