package org.alignlab.review.result;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A result that did not reproduce: the executor re-ran its action in a fresh sandbox and reported other metrics
 * ({@code RESULT_MISMATCH}). No review may rest on it; the quarantine is never lifted.
 */
@Entity
@Table(name = "quarantined_results")
public class QuarantinedResult {

    @Id
    public UUID actionId;

    public UUID goalId;

    /** The audit event that quarantined it. */
    public UUID eventId;

    /** The executor's account of the mismatch: the metrics that differ. */
    public String detail;

    public Instant quarantinedAt;
}
