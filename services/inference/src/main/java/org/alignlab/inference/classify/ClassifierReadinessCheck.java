package org.alignlab.inference.classify;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once every text classifier in the store has loaded. DOWN while loading and DOWN when any of them failed:
 * a monitor routed here would otherwise get 503s for the model it depends on. Lists what it serves as
 * {@code name@version}.
 */
@Readiness
@ApplicationScoped
public class ClassifierReadinessCheck implements HealthCheck {

    static final String NAME = "classifiers";

    private final ClassifierRegistry registry;

    public ClassifierReadinessCheck(ClassifierRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        Map<String, ClassifierRegistry.Entry> entries = registry.entries().orElse(null);
        if (entries == null) {
            return response.down().withData("state", "loading").build();
        }
        String failed = entries.values().stream().filter(entry -> !entry.loaded())
                .map(ClassifierRegistry.Entry::name).collect(Collectors.joining(","));
        response.withData("models", entries.values().stream().filter(ClassifierRegistry.Entry::loaded)
                .map(entry -> entry.name() + "@" + entry.classifier().version()).collect(Collectors.joining(",")));
        if (!failed.isEmpty()) {
            return response.down().withData("state", "failed").withData("failed", failed).build();
        }
        return response.up().withData("state", "loaded").build();
    }
}
