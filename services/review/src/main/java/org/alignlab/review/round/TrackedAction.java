package org.alignlab.review.round;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One action of a goal as far as review has heard of it; columns stay null until their event arrives. */
@Entity
@Table(name = "tracked_actions")
public class TrackedAction {

    @Id
    @Column(name = "action_id")
    public UUID actionId;

    @Column(name = "goal_id", nullable = false)
    public UUID goalId;

    public Integer round;

    public String agent;

    public String type;

    @Column(name = "parent_action_id")
    public UUID parentActionId;

    @Column(name = "action_json")
    public String actionJson;

    @Column(name = "action_seen_at")
    public Instant actionSeenAt;

    public String decision;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "replacement_action_id")
    public UUID replacementActionId;

    @Column(name = "claim_id")
    public UUID claimId;

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;
}
