package org.alignlab.inference.serving;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.stream.Collectors;
import org.alignlab.inference.engine.ModelEngine;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once every served model in the store has loaded. DOWN while loading and DOWN when any of them failed: a
 * monitor routed here would otherwise get 503s for the model it depends on. Lists what it serves as
 * {@code name@version}, where it runs, and whether requests are batched.
 */
@Readiness
@ApplicationScoped
public class ModelReadinessCheck implements HealthCheck {

    static final String NAME = "models";

    private final ModelRegistry registry;
    private final ModelEngine engine;
    private final RunnerFactory runners;

    public ModelReadinessCheck(ModelRegistry registry, ModelEngine engine, RunnerFactory runners) {
        this.registry = registry;
        this.engine = engine;
        this.runners = runners;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .withData("device", engine.device())
                .withData("batching", runners.settings().enabled());
        Map<String, ModelRegistry.Entry> entries = registry.entries().orElse(null);
        if (entries == null) {
            return response.down().withData("state", "loading").build();
        }
        String failed = entries.values().stream().filter(entry -> !entry.loaded())
                .map(ModelRegistry.Entry::name).collect(Collectors.joining(","));
        response.withData("models", entries.values().stream().filter(ModelRegistry.Entry::loaded)
                .map(entry -> entry.name() + "@" + entry.model().version()).collect(Collectors.joining(",")));
        if (!failed.isEmpty()) {
            return response.down().withData("state", "failed").withData("failed", failed).build();
        }
        return response.up().withData("state", "loaded").build();
    }
}
