package org.alignlab.inference.serving;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.Map;
import org.alignlab.contracts.problem.Problem;
import org.alignlab.platform.http.ProblemException;

/**
 * The model exists but cannot answer: it is still loading, or it failed to load (see the service log). Answered 503
 * {@code model-not-loaded} with {@code Retry-After}: the caller must not treat it as a score.
 */
public class ModelNotLoadedException extends ProblemException {

    static final String MODEL_NOT_LOADED = Problem.TYPE_BASE + "model-not-loaded";
    private static final String RETRY_AFTER_SECONDS = "30";

    public ModelNotLoadedException(String model, String reason) {
        super(new Problem(MODEL_NOT_LOADED, "Model not loaded", 503,
                "model '" + model + "' is not loaded: " + reason, null),
                Map.of(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS));
    }
}
