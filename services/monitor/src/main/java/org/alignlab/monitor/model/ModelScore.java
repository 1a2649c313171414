package org.alignlab.monitor.model;

/**
 * What the trusted model said about one action.
 *
 * @param attackProbability the model's probability that the action is an attack; meaningful only when {@link #scored()}
 * @param modelVersion      the served model's version, for the audit record
 * @param unavailableReason why there is no score, when the model was asked and did not answer usefully
 */
public record ModelScore(Status status, double attackProbability, String modelVersion, String unavailableReason) {

    public enum Status {
        SCORED,
        /** Asked, but no usable answer in time: the gate must not allow on the rules alone. */
        UNAVAILABLE,
        /** Rules-only operation, configured on purpose. */
        DISABLED
    }

    public static ModelScore of(double attackProbability, String modelVersion) {
        return new ModelScore(Status.SCORED, attackProbability, modelVersion, null);
    }

    public static ModelScore unavailable(String reason) {
        return new ModelScore(Status.UNAVAILABLE, 0, null, reason);
    }

    public static ModelScore disabled() {
        return new ModelScore(Status.DISABLED, 0, null, null);
    }

    public boolean scored() {
        return status == Status.SCORED;
    }

    /** The score as stored in audit records and verdicts: null when the model gave none. */
    public Double value() {
        return scored() ? attackProbability : null;
    }
}
