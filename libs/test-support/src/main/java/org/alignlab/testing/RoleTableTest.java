package org.alignlab.testing;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A service's endpoint × role test: subclass it as the service's {@code @QuarkusTest}, list the role table in
 * {@link #endpoints()}, and every row is called by every kind of caller ({@link EndpointAccess#assertCall}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RoleTableTest {

    /** The service's role table: every endpoint, who may call it, and what an allowed caller gets. */
    protected abstract List<EndpointAccess> endpoints();

    protected Stream<Arguments> everyEndpointAndCaller() {
        return EndpointAccess.everyCaller(endpoints());
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointAndCaller")
    protected void eachCallerGetsWhatItsRoleAllows(EndpointAccess endpoint, TestCaller caller) {
        endpoint.assertCall(caller);
    }
}
