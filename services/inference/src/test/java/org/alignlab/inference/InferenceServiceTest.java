package org.alignlab.inference;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ModelStoreResource.class)
class InferenceServiceTest {

    @Test
    void listsEachModelFolderWithItsFiles() {
        given().get("/v1/models")
                .then().statusCode(200)
                .contentType("application/json")
                .body("models", hasSize(1))
                .body("models[0].name", equalTo("tiny-monitor"))
                .body("models[0].files", contains("serving.properties", "weights/tiny-monitor-0001.params"));
    }

    @Test
    void readyWhenTheModelStoreIsReadableAndSaysHowManyModels() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'model-store' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'model-store' }.data.models", equalTo(1));
    }

    @Test
    void metricsAreServed() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void unknownPathIsNotFound() {
        given().get("/v1/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", equalTo("https://alignlab.org/problems/not-found"));
    }
}
