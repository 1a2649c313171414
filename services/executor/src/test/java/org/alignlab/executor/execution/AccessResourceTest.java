package org.alignlab.executor.execution;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.alignlab.contracts.security.Roles;
import org.alignlab.testing.EndpointAccess;
import org.alignlab.testing.RoleTableTest;
import org.alignlab.testing.TestInfrastructure;

/**
 * Every endpoint of the executor, called by every kind of caller. Work arrives as tickets; its only API is the
 * re-execution audit's, for reviewers and operators (an unknown action is a 404 past the role check), and the
 * honeypots', for operators.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(StandInRunner.class)
@QuarkusTestResource(MonitorStub.class)
class AccessResourceTest extends RoleTableTest {

    private static final String UNKNOWN = "00000000-0000-4000-8000-000000000000";

    @Override
    protected List<EndpointAccess> endpoints() {
        return List.of(
                EndpointAccess.roles("POST", "/api/reexecutions/" + UNKNOWN, 404, Roles.REVIEWER, Roles.OPERATOR),
                EndpointAccess.roles("GET", "/api/reexecutions/" + UNKNOWN, 404, Roles.REVIEWER, Roles.OPERATOR),
                // Reviewers decide held actions and must not learn which are honeypots: operators alone.
                EndpointAccess.roles("GET", "/api/honeypots/" + UNKNOWN, 404, Roles.OPERATOR),
                EndpointAccess.roles("GET", "/api/honeypots/recall", 200, Roles.OPERATOR),
                EndpointAccess.roles("POST", "/api/honeypots", 400, Roles.OPERATOR)
                        .withBody("{\"category\": \"no-such-category\"}"));
    }
}
