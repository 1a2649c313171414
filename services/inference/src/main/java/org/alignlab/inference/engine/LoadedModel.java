package org.alignlab.inference.engine;

/** A model held in memory by an engine, ready to predict. Thread-safe; close once, at shutdown. */
public interface LoadedModel extends AutoCloseable {

    /**
     * Class probabilities for one feature vector, in the order of the model's labels.
     *
     * @throws ModelBusyException when every predictor stayed busy for the configured wait
     */
    float[] probabilities(float[] features);

    @Override
    void close();
}
