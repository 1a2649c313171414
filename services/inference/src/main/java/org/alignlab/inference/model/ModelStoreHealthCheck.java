package org.alignlab.inference.model;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the model store can be read; reports where it is and how many models it holds. */
@Readiness
@ApplicationScoped
public class ModelStoreHealthCheck implements HealthCheck {

    private final ModelStore store;

    public ModelStoreHealthCheck(ModelStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("model-store")
                .withData("path", store.root().toString());
        if (!store.readable()) {
            return response.down().withData("error", "not a readable directory").build();
        }
        try {
            return response.up().withData("models", store.models().size()).build();
        } catch (RuntimeException e) {
            return response.down().withData("error", "cannot list models").build();
        }
    }
}
