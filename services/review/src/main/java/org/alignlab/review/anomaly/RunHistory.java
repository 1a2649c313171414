package org.alignlab.review.anomaly;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A successful run as history for later runs of its configuration, and how it compared with the runs before it.
 */
@Entity
@Table(name = "run_history")
public class RunHistory {

    @Id
    public UUID actionId;

    public UUID goalId;

    /** SHA-256 of family, effective params, split, script and code version ({@link Configuration}). */
    public String configuration;

    public String family;

    public String split;

    /** JSON {@code {"metric": {"seed": value}}}. */
    public String seedValues;

    public boolean anomalous;

    /** JSON list of {@code ResultAnomaly}, when anomalous. */
    public String anomalies;

    /** What it was compared with, or why it was not judged. */
    public String judgement;

    public Instant recordedAt;
}
