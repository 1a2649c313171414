package org.alignlab.inference.predict;

import java.util.List;

/**
 * One prediction: the model's outputs for the request's rows, in the order the model declares them.
 *
 * @param version the first 12 hex digits of the SHA-256 of the model's weights file
 */
public record PredictResponse(String model, String version, List<TensorResponse> outputs) {
}
