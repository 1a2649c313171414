package org.alignlab.ideation.proposal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An action as ideation proposed it, stored in the transaction that queues it on the outbox; {@code actionJson} is
 * the exact event. Its presence makes a redelivered round propose nothing.
 */
@Entity
@Table(name = "proposals")
public class StoredProposal {

    @Id
    public UUID id;

    @Column(name = "goal_id", nullable = false)
    public UUID goalId;

    @Column(nullable = false)
    public int round;

    /** Position in the policy's list, so the proposals of a round read back in their original order. */
    @Column(nullable = false)
    public int ordinal;

    @Column(nullable = false)
    public String policy;

    @Column(nullable = false)
    public String family;

    @Column(name = "action_json", nullable = false)
    public String actionJson;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
