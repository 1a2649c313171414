package org.alignlab.inference.serving;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.alignlab.inference.config.InferenceConfig;
import org.alignlab.inference.djl.DjlModelEngine;
import org.alignlab.inference.engine.ModelEngine;

/** The one engine of the service: DJL's PyTorch, with the configured predictors, predictor wait and device. */
@ApplicationScoped
public class ModelEngineProducer {

    @Produces
    @Singleton
    ModelEngine modelEngine(InferenceConfig config) {
        return new DjlModelEngine(config.predictors(), config.predictorWait(), config.device());
    }
}
