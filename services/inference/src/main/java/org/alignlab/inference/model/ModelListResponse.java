package org.alignlab.inference.model;

import java.util.List;

/** Every model in the store; empty when there is none. */
public record ModelListResponse(List<ModelResponse> models) {
}
