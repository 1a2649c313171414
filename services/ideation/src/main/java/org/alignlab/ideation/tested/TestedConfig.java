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
    @Column(name = "action_id")
    public UUID actionId;

    @Column(name = "goal_id", nullable = false)
    public UUID goalId;

    @Column(nullable = false)
    public String family;

    /** Canonical JSON of the effective parameters: the identity of the configuration within its goal. */
    @Column(name = "config_json", nullable = false)
    public String configJson;

    /** The parameters as sent in the action. */
    @Column(name = "params_json", nullable = false)
    public String paramsJson;

    @Column(name = "proposed_at", nullable = false)
    public Instant proposedAt;

    /** The result's status; null while none has come back. */
    @Column
    public String status;

    @Column(name = "metrics_json")
    public String metricsJson;

    @Column(name = "result_at")
    public Instant resultAt;
}
