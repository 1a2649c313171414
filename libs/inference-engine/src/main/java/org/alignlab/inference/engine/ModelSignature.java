package org.alignlab.inference.engine;

import java.util.List;

/** What a model takes and gives, in order. */
public record ModelSignature(List<TensorSpec> inputs, List<TensorSpec> outputs) {

    public ModelSignature {
        if (inputs == null || inputs.isEmpty() || outputs == null || outputs.isEmpty()) {
            throw new IllegalArgumentException("a model signature needs at least one input and one output");
        }
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** True when every input and output has a batch dimension: requests can be merged into one forward pass. */
    public boolean batchable() {
        return inputs.stream().allMatch(TensorSpec::batched) && outputs.stream().allMatch(TensorSpec::batched);
    }
}
