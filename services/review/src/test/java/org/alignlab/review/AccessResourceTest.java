package org.alignlab.review;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.alignlab.contracts.security.Roles;
import org.alignlab.testing.EndpointAccess;
import org.alignlab.testing.RoleTableTest;
import org.alignlab.testing.TestInfrastructure;

/** Every endpoint of review, called by every kind of caller: the role table of the README, enforced. */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, restrictToAnnotatedClass = false)
class AccessResourceTest extends RoleTableTest {

    private static final List<EndpointAccess> ENDPOINTS = List.of(
            EndpointAccess.roles("GET", "/api/reviews?goalId=" + UUID.randomUUID(), 200,
                    Roles.RESEARCHER, Roles.REVIEWER, Roles.OPERATOR));

    @Override
    protected List<EndpointAccess> endpoints() {
        return ENDPOINTS;
    }
}
