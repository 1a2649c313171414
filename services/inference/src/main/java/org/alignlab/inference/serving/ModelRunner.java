package org.alignlab.inference.serving;

import java.util.List;
import org.alignlab.inference.engine.Tensor;

/** How one model's requests reach its forward pass: merged into batches, or one by one. */
public interface ModelRunner extends AutoCloseable {

    /**
     * Runs one request, already checked against the model's signature, and returns its outputs.
     *
     * @throws QueueFullException when the model's queue is full
     * @throws org.alignlab.inference.engine.ModelBusyException when no answer came within the request timeout
     */
    List<Tensor> run(List<Tensor> inputs);

    /** Requests waiting for a forward pass now. */
    int queueDepth();

    @Override
    void close();
}
