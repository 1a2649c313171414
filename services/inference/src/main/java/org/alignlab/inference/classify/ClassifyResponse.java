package org.alignlab.inference.classify;

import java.util.Map;

/**
 * One classification.
 *
 * @param version       the first 12 hex digits of the SHA-256 of the model's weights file
 * @param probabilities each label's probability, in the model's label order; they sum to 1
 */
public record ClassifyResponse(String model, String version, Map<String, Double> probabilities) {
}
