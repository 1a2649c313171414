package org.alignlab.ideation.proposal;

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

    public UUID goalId;

    public int round;

    /** Position in the policy's list, so the proposals of a round read back in their original order. */
    public int ordinal;

    public String policy;

    public String family;

    public String actionJson;

    public Instant createdAt;
}
