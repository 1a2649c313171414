package org.alignlab.review.round;

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
    public UUID actionId;

    public UUID goalId;

    public int round;

    public UUID forActionId;

    public String split;

    public String actionJson;

    public Instant createdAt;
}
