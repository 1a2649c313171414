package org.alignlab.executor.execution;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
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

    /** The executor serves no API of its own: only the operations endpoints every service has. */
    @Override
    protected List<EndpointAccess> endpoints() {
        return List.of();
    }
}
