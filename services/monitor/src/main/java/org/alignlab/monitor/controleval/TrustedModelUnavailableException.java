package org.alignlab.monitor.controleval;

import java.util.Map;
import org.alignlab.contracts.problem.Problem;
import org.alignlab.platform.http.ProblemException;

/**
 * The trusted model gave no score for some actions of a set. The gate would hold them; an evaluation would then
 * measure the outage instead of the monitor, so it refuses (503) rather than report figures that mean nothing.
 */
public class TrustedModelUnavailableException extends ProblemException {

    static final String TRUSTED_MODEL_UNAVAILABLE = Problem.TYPE_BASE + "trusted-model-unavailable";
    /** How long a control evaluation should wait before asking again while the model is unavailable. */
    static final String RETRY_AFTER_SECONDS = "30";

    public TrustedModelUnavailableException(long unscored, int total, String firstReason) {
        super(new Problem(TRUSTED_MODEL_UNAVAILABLE, "Trusted model unavailable", 503,
                "the trusted model gave no score for " + unscored + " of " + total + " actions (" + firstReason
                        + "); try again when the inference service is ready",
                null),
                Map.of("Retry-After", RETRY_AFTER_SECONDS));
    }
}
