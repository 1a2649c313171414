package org.alignlab.ideation;

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

/** Every endpoint of ideation, called by every kind of caller: the role table of the README, enforced. */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, restrictToAnnotatedClass = false)
class AccessResourceTest {

    private static final List<EndpointAccess> ENDPOINTS = List.of(
            EndpointAccess.roles("GET", "/api/proposals?goalId=" + UUID.randomUUID(), 200,
                    Roles.RESEARCHER, Roles.REVIEWER, Roles.OPERATOR),
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
