package org.alignlab.ideation.tested;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A configuration proposed for a goal, and its validation outcome once the result is in. */
@Entity
@Table(name = "tested_configs")
public class TestedConfig {

    @Id
    public UUID actionId;

    public UUID goalId;

    public String family;

    /** Canonical JSON of the effective parameters: the identity of the configuration within its goal. */
    public String configJson;

    /** The parameters as sent in the action. */
    public String paramsJson;

    public Instant proposedAt;

    /** The result's status; null while none has come back. */
    @Column
    public String status;

    public String metricsJson;

    public Instant resultAt;
}
