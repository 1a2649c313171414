package org.alignlab.monitor.controleval;

/**
 * The trusted model gave no score for some actions of a set. The gate would hold them; an evaluation would then
 * measure the outage instead of the monitor, so it refuses (503) rather than report figures that mean nothing.
 */
public class TrustedModelUnavailableException extends RuntimeException {

    public TrustedModelUnavailableException(long unscored, int total, String firstReason) {
        super("the trusted model gave no score for " + unscored + " of " + total + " actions (" + firstReason
                + "); try again when the inference service is ready");
    }
}
