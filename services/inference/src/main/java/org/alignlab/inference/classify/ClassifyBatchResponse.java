package org.alignlab.inference.classify;

import java.util.List;
import java.util.Map;

/**
 * One batch classification: one result per text, in the request's order.
 *
 * @param version the first 12 hex digits of the SHA-256 of the model's weights file
 */
public record ClassifyBatchResponse(String model, String version, List<Result> results) {

    /** @param probabilities each label's probability, in the model's label order; they sum to 1 */
    public record Result(Map<String, Double> probabilities) {
    }
}
