package org.alignlab.orchestrator;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.alignlab.contracts.security.Roles;
import org.alignlab.testing.EndpointAccess;
import org.alignlab.testing.RoleTableTest;
import org.alignlab.testing.TestInfrastructure;

/** Every endpoint of the orchestrator, called by every kind of caller: the role table of the README, enforced. */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, restrictToAnnotatedClass = false)
class AccessResourceTest extends RoleTableTest {

    // No such goal: a caller the gate lets through gets the resource's own 404.
    private static final String UNKNOWN_GOAL = UUID.randomUUID().toString();

    private static final List<EndpointAccess> ENDPOINTS = List.of(
            EndpointAccess.roles("POST", "/api/goals", 201, Roles.RESEARCHER)
                    .withBody("{\"question\": \"Who may ask?\", \"family\": \"weak-to-strong\"}"),
            EndpointAccess.roles("GET", "/api/goals", 200, Roles.RESEARCHER, Roles.REVIEWER, Roles.OPERATOR),
            EndpointAccess.roles("GET", "/api/goals/" + UNKNOWN_GOAL, 404,
                    Roles.RESEARCHER, Roles.REVIEWER, Roles.OPERATOR),
            EndpointAccess.roles("GET", "/api/goals/" + UNKNOWN_GOAL + "/report", 404,
                    Roles.RESEARCHER, Roles.REVIEWER, Roles.OPERATOR),
            EndpointAccess.roles("GET", "/api/goals/" + UNKNOWN_GOAL + "/report?format=md", 404,
                    Roles.RESEARCHER, Roles.REVIEWER, Roles.OPERATOR),
            EndpointAccess.roles("GET", "/api/goals/" + UNKNOWN_GOAL + "/report/plots/pgr-by-configuration.png", 404,
                    Roles.RESEARCHER, Roles.REVIEWER, Roles.OPERATOR),
            EndpointAccess.roles("GET", "/api/goals/" + UNKNOWN_GOAL + "/events", 404,
                    Roles.RESEARCHER, Roles.REVIEWER, Roles.OPERATOR),
            EndpointAccess.roles("POST", "/api/goals/" + UNKNOWN_GOAL + "/cancel", 404, Roles.RESEARCHER));

    @Override
    protected List<EndpointAccess> endpoints() {
        return ENDPOINTS;
    }
}
