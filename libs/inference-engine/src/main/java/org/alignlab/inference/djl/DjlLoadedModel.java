package org.alignlab.inference.djl;

import ai.djl.Model;
import ai.djl.translate.TranslateException;
import java.util.List;
import org.alignlab.inference.engine.LoadedModel;
import org.alignlab.inference.engine.ModelSignature;
import org.alignlab.inference.engine.Tensor;

/** A DJL model with its pool of predictors. */
final class DjlLoadedModel implements LoadedModel {

    private final Model model;
    private final ModelSignature signature;
    private final PredictorPool<List<Tensor>, List<Tensor>> predictors;

    DjlLoadedModel(Model model, ModelSignature signature, PredictorPool<List<Tensor>, List<Tensor>> predictors) {
        this.model = model;
        this.signature = signature;
        this.predictors = predictors;
    }

    @Override
    public ModelSignature signature() {
        return signature;
    }

    @Override
    public List<Tensor> forward(List<Tensor> inputs) {
        try {
            return predictors.predict(inputs);
        } catch (TranslateException e) {
            throw new IllegalStateException("prediction failed in " + model.getName() + ": " + e.getMessage(), e);
        }
    }

    PredictorPool<List<Tensor>, List<Tensor>> predictors() {
        return predictors;
    }

    @Override
    public void close() {
        predictors.close();
        model.close();
    }
}
