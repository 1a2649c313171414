package org.alignlab.review.round;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A replication review proposed, stored with its round's plan and queued on the outbox in the same transaction: its
 * id makes the proposal once only.
 */
@Entity
@Table(name = "proposals")
public class Replication {

    @Id
    @Column(name = "action_id")
    public UUID actionId;

    @Column(name = "goal_id", nullable = false)
    public UUID goalId;

    @Column(nullable = false)
    public int round;

    @Column(name = "for_action_id", nullable = false)
    public UUID forActionId;

    @Column(nullable = false)
    public String split;

    @Column(name = "action_json", nullable = false)
    public String actionJson;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
