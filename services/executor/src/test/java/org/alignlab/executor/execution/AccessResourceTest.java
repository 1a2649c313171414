package org.alignlab.executor.execution;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.alignlab.contracts.security.Roles;
import org.alignlab.testing.EndpointAccess;
import org.alignlab.testing.RoleTableTest;
import org.alignlab.testing.TestInfrastructure;

/**
 * Every endpoint of the executor, called by every kind of caller. It has no API of its own (work arrives as tickets),
 * so the table is its operational endpoints: only health is open.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(StandInRunner.class)
@QuarkusTestResource(MonitorStub.class)
class AccessResourceTest extends RoleTableTest {

    private static final List<EndpointAccess> ENDPOINTS = List.of(
            EndpointAccess.roles("GET", "/q/metrics", 200, Roles.OPERATOR),
            EndpointAccess.roles("GET", "/q/openapi", 200, Roles.OPERATOR),
            EndpointAccess.open("GET", "/q/health/live", 200),
            EndpointAccess.open("GET", "/q/health/ready", 200));

    @Override
    protected List<EndpointAccess> endpoints() {
        return ENDPOINTS;
    }
}
