package org.alignlab.inference.model;

import jakarta.ws.rs.core.HttpHeaders;
import java.nio.file.Path;
import java.util.Map;
import org.alignlab.contracts.problem.Problem;
import org.alignlab.platform.http.ProblemException;

/**
 * The model store directory is missing or unreadable: nothing can be served until an operator fixes it. Answered
 * 503 {@code model-store-unavailable} with {@code Retry-After}.
 */
public class ModelStoreUnavailableException extends ProblemException {

    static final String MODEL_STORE_UNAVAILABLE = Problem.TYPE_BASE + "model-store-unavailable";
    private static final String RETRY_AFTER_SECONDS = "30";

    public ModelStoreUnavailableException(Path root) {
        super(new Problem(MODEL_STORE_UNAVAILABLE, "Model store unavailable", 503,
                "model store " + root + " is not a readable directory", null),
                Map.of(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS));
    }
}
