package org.alignlab.inference;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.alignlab.contracts.security.Roles;
import org.alignlab.testing.EndpointAccess;
import org.alignlab.testing.RoleTableTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;

/** Every endpoint of inference, called by every kind of caller: the role table of the README, enforced. */
@QuarkusTest
@QuarkusTestResource(ModelStoreResource.class)
class AccessResourceTest extends RoleTableTest {

    private static final String TEXT = "{\"text\": \"{\\\"agent\\\":\\\"ideation\\\"}\"}";
    private static final String TENSORS = "{\"inputs\": [{\"name\": \"x\", \"dtype\": \"float32\", \"shape\": [1, 4], "
            + "\"data\": [1, 2, 3, 4]}]}";

    private static final List<EndpointAccess> ENDPOINTS = List.of(
            EndpointAccess.roles("POST", "/v1/classify/trusted-monitor", 200, Roles.SERVICE, Roles.OPERATOR)
                    .withBody(TEXT),
            // No such model: a caller the gate lets through gets the resource's own 404.
            EndpointAccess.roles("POST", "/v1/classify/no-such-model", 404, Roles.SERVICE, Roles.OPERATOR)
                    .withBody(TEXT),
            EndpointAccess.roles("POST", "/v1/predict/affine", 200, Roles.SERVICE, Roles.OPERATOR)
                    .withBody(TENSORS),
            EndpointAccess.roles("GET", "/v1/models", 200, Roles.OPERATOR, Roles.SERVICE, Roles.RESEARCHER,
                    Roles.REVIEWER));

    /** Models load in the background after start; readiness and classification are judged once they have. */
    @BeforeEach
    void modelsLoaded() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    @Override
    protected List<EndpointAccess> endpoints() {
        return ENDPOINTS;
    }
}
