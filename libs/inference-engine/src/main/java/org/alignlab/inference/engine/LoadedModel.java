package org.alignlab.inference.engine;

import java.util.List;

/** A model held in memory by an engine, ready to predict. Thread-safe; close once, at shutdown. */
public interface LoadedModel extends AutoCloseable {

    ModelSignature signature();

    /**
     * One forward pass. The inputs are in the order of {@link ModelSignature#inputs()} and already checked against it;
     * for a batchable model each input's first dimension is the batch, and so is each output's.
     *
     * @throws ModelBusyException when every predictor stayed busy for the configured wait
     */
    List<Tensor> forward(List<Tensor> inputs);

    @Override
    void close();
}
