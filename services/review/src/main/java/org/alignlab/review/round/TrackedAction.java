package org.alignlab.review.round;

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
    public UUID actionId;

    public UUID goalId;

    public Integer round;

    public String agent;

    public String type;

    public UUID parentActionId;

    public String actionJson;

    public Instant actionSeenAt;

    public String decision;

    public Instant decidedAt;

    public UUID replacementActionId;

    public UUID claimId;

    public Instant firstSeenAt;
}
