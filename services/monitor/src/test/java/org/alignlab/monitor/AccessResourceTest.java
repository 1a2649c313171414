package org.alignlab.monitor;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.alignlab.contracts.security.Roles;
import org.alignlab.testing.EndpointAccess;
import org.alignlab.testing.RoleTableTest;
import org.alignlab.testing.TestInfrastructure;

/** Every endpoint of the monitor, called by every kind of caller: the role table of the README, enforced. */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TestSigningKeys.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TrustedModelStandIn.class, restrictToAnnotatedClass = false)
class AccessResourceTest extends RoleTableTest {

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
                    .withBody("{\"decision\": \"APPROVE\", \"reason\": \"looks fine\", \"contentHash\": \""
                            + "0".repeat(64) + "\"}"),
            // Evaluation is an operator's job; an empty set is refused (400) only once the role has let the call in.
            EndpointAccess.roles("POST", "/api/control-eval", 400, Roles.OPERATOR).withBody("[]"));

    @Override
    protected List<EndpointAccess> endpoints() {
        return ENDPOINTS;
    }
}
