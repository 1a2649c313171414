package org.alignlab.testing;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hamcrest.Matchers;
import org.junit.jupiter.params.provider.Arguments;

/**
 * One row of a service's role table, for its endpoint × role test: who may call {@code method path}, and what an
 * allowed caller gets back (a 2xx, or a 4xx such as 404 for an unknown id that shows the call got past the gate).
 *
 * @param body  the JSON request body, or null
 * @param roles the roles allowed; null for an endpoint open to anyone (health)
 */
public record EndpointAccess(String method, String path, String body, int allowedStatus, Set<String> roles) {

    public static EndpointAccess open(String method, String path, int allowedStatus) {
        return new EndpointAccess(method, path, null, allowedStatus, null);
    }

    public static EndpointAccess roles(String method, String path, int allowedStatus, String... roles) {
        return new EndpointAccess(method, path, null, allowedStatus, Set.of(roles));
    }

    public EndpointAccess withBody(String json) {
        return new EndpointAccess(method, path, json, allowedStatus, roles);
    }

    /**
     * What {@code caller} must get: a token that does not verify is refused everywhere (401, health included, as
     * Quarkus authenticates every request that carries credentials); no token is 401 unless the endpoint is open; a
     * valid token of a role not in the table is 403.
     */
    public int expectedStatus(TestCaller caller) {
        if (caller == TestCaller.FORGED_TOKEN || caller == TestCaller.EXPIRED_TOKEN) {
            return 401;
        }
        if (roles == null) {
            return allowedStatus;
        }
        if (caller.role() == null) {
            return 401;
        }
        return roles.contains(caller.role()) ? allowedStatus : 403;
    }

    /**
     * Calls the endpoint as {@code caller} against the running test app and asserts the table: the status, the Bearer
     * challenge on a 401, and {@code application/problem+json} with the matching problem type on an {@code /api}
     * refusal.
     */
    public void assertCall(TestCaller caller) {
        RequestSpecification request = RestAssured.given();
        if (caller.authorization() != null) {
            request.header("Authorization", caller.authorization());
        }
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        int expected = expectedStatus(caller);
        ValidatableResponse response = request.request(method, path).then().statusCode(expected);
        if (expected == 401) {
            response.header("WWW-Authenticate", "Bearer");
        }
        if ((expected == 401 || expected == 403) && path.startsWith("/api/")) {
            response.contentType("application/problem+json")
                    .body("status", Matchers.equalTo(expected))
                    .body("type", Matchers.endsWith(expected == 401 ? "/unauthorized" : "/forbidden"));
        }
    }

    /** Every row of {@code table} with every kind of caller, as arguments of a parameterized test. */
    public static Stream<Arguments> everyCaller(List<EndpointAccess> table) {
        return table.stream().flatMap(row -> Stream.of(TestCaller.values()).map(caller -> Arguments.of(row, caller)));
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
