package org.alignlab.inference.serving;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicReference;
import org.alignlab.inference.config.InferenceConfig;
import org.alignlab.inference.engine.LoadedModel;

/** Gives each loaded model its runner, batching or direct as configured, with its metrics. */
@ApplicationScoped
public class RunnerFactory {

    private final BatchSettings settings;
    private final MeterRegistry registry;

    @Inject
    public RunnerFactory(InferenceConfig config, MeterRegistry registry) {
        this(BatchSettings.of(config), registry);
    }

    public RunnerFactory(BatchSettings settings, MeterRegistry registry) {
        this.settings = settings;
        this.registry = registry;
    }

    /** A model without a batch dimension runs directly even when batching is on: its requests cannot be stacked. */
    public ModelRunner create(String name, LoadedModel model) {
        AtomicReference<ModelRunner> runner = new AtomicReference<>();
        ModelMeters meters = ModelMeters.register(registry, name, () -> {
            ModelRunner current = runner.get();
            return current == null ? 0 : current.queueDepth();
        });
        runner.set(settings.enabled() && model.signature().batchable()
                ? new BatchingRunner(name, model, settings, meters)
                : new DirectRunner(name, model, settings, meters));
        return runner.get();
    }

    public BatchSettings settings() {
        return settings;
    }
}
