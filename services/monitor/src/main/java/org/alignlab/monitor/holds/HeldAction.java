package org.alignlab.monitor.holds;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.alignlab.contracts.events.Decision;

/**
 * An action held for a human, and how the hold ended. Only bookkeeping: the audit chain holds the facts (the
 * VERDICT that held it, the HUMAN_DECISION or REVIEW_TIMEOUT that ended it), and this row says which holds are open.
 */
@Entity
@Table(name = "held_actions")
public class HeldAction {

    public enum Status {
        HELD, APPROVED, DENIED, TIMED_OUT
    }

    @Id
    private UUID actionId;
    private UUID goalId;
    private Instant heldAt;
    private long auditSeq;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Enumerated(EnumType.STRING)
    private Decision outcome;
    private String decidedBy;
    private Instant decidedAt;
    private String reason;
    private Long decisionSeq;

    protected HeldAction() {
    }

    public HeldAction(UUID actionId, UUID goalId, Instant heldAt, long auditSeq) {
        this.actionId = actionId;
        this.goalId = goalId;
        this.heldAt = heldAt;
        this.auditSeq = auditSeq;
        this.status = Status.HELD;
    }

    /** Ends the hold; the caller has appended the audit record {@code decisionSeq} that says so. */
    void close(Status newStatus, Decision newOutcome, String by, Instant at, String why, long seq) {
        if (status != Status.HELD) {
            throw new IllegalStateException("action " + actionId + " is no longer held: " + status);
        }
        status = newStatus;
        outcome = newOutcome;
        decidedBy = by;
        decidedAt = at;
        reason = why;
        decisionSeq = seq;
    }

    public UUID actionId() {
        return actionId;
    }

    public UUID goalId() {
        return goalId;
    }

    public Instant heldAt() {
        return heldAt;
    }

    public long auditSeq() {
        return auditSeq;
    }

    public Status status() {
        return status;
    }

    public Decision outcome() {
        return outcome;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String reason() {
        return reason;
    }

    public Long decisionSeq() {
        return decisionSeq;
    }
}
