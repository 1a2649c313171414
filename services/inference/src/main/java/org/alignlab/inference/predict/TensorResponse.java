package org.alignlab.inference.predict;

import org.alignlab.inference.engine.Tensor;

/**
 * One output tensor as JSON: the shape of the request's format, its elements flat in row-major order.
 *
 * @param data a JSON array of numbers
 */
public record TensorResponse(String name, String dtype, long[] shape, Object data) {

    static TensorResponse of(Tensor tensor) {
        return new TensorResponse(tensor.name(), tensor.dtype().label(), tensor.shape(), tensor.data());
    }
}
