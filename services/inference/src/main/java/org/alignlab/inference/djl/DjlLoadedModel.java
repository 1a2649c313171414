package org.alignlab.inference.djl;

import ai.djl.Model;
import ai.djl.translate.TranslateException;
import org.alignlab.inference.engine.LoadedModel;

/** A DJL model with its pool of predictors. */
final class DjlLoadedModel implements LoadedModel {

    private final Model model;
    private final int dimension;
    private final PredictorPool<float[], float[]> predictors;

    DjlLoadedModel(Model model, int dimension, PredictorPool<float[], float[]> predictors) {
        this.model = model;
        this.dimension = dimension;
        this.predictors = predictors;
    }

    @Override
    public float[] probabilities(float[] features) {
        if (features.length != dimension) {
            throw new IllegalArgumentException("model " + model.getName() + " takes " + dimension
                    + " features, got " + features.length);
        }
        try {
            return predictors.predict(features);
        } catch (TranslateException e) {
            throw new IllegalStateException("prediction failed in " + model.getName(), e);
        }
    }

    @Override
    public void close() {
        predictors.close();
        model.close();
    }
}
