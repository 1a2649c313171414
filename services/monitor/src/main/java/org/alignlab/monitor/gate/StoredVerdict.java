package org.alignlab.monitor.gate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.contracts.json.EventCodec;
import org.hibernate.annotations.Immutable;

/** The verdict on an action, kept as the exact JSON published; its primary key makes each action decided once. */
@Entity
@Immutable
@Table(name = "verdicts")
public class StoredVerdict {

    @Id
    @Column(name = "action_id")
    private UUID actionId;
    @Column(name = "goal_id")
    private UUID goalId;
    private String decision;
    @Column(name = "audit_seq")
    private long auditSeq;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "action_hash")
    private String actionHash;
    private String payload;

    protected StoredVerdict() {
    }

    StoredVerdict(Verdict verdict, String actionHash) {
        this.actionId = verdict.actionId();
        this.goalId = verdict.goalId();
        this.decision = verdict.decision().name();
        this.auditSeq = verdict.auditSeq();
        this.decidedAt = verdict.decidedAt();
        this.actionHash = actionHash;
        this.payload = EventCodec.encode(verdict);
    }

    /** {@code Sha256.ofCanonical} of the action this verdict was made on. */
    String actionHash() {
        return actionHash;
    }

    Verdict verdict() {
        return EventCodec.decode(payload, Verdict.class);
    }
}
