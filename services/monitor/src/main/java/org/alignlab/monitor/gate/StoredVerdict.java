package org.alignlab.monitor.gate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.contracts.json.EventCodec;
import org.hibernate.annotations.Immutable;

/** The verdict on an action, kept as the exact JSON published; its primary key makes each action decided once. */
@Entity
@Immutable
@Table(name = "verdicts")
public class StoredVerdict {

    @Id
    private UUID actionId;
    private UUID goalId;
    private String decision;
    private long auditSeq;
    private Instant decidedAt;
    private String actionHash;
    private String payload;
    private Double suspicion;
    /** Whether the suspicion enters the audit-budget window (see {@link AuditBudgetLedger}). */
    private Boolean calibrates;

    protected StoredVerdict() {
    }

    StoredVerdict(Verdict verdict, String actionHash, boolean calibrates) {
        this.actionId = verdict.actionId();
        this.goalId = verdict.goalId();
        this.decision = verdict.decision().name();
        this.auditSeq = verdict.auditSeq();
        this.decidedAt = verdict.decidedAt();
        this.actionHash = actionHash;
        this.payload = EventCodec.encode(verdict);
        this.suspicion = verdict.suspicion();
        this.calibrates = calibrates;
    }

    Decision decision() {
        return Decision.valueOf(decision);
    }

    /** The suspicion as decided; null for verdicts stored before the ledger existed. */
    Double suspicion() {
        return suspicion;
    }

    boolean calibrates() {
        return Boolean.TRUE.equals(calibrates);
    }

    public Verdict verdict() {
        return EventCodec.decode(payload, Verdict.class);
    }
}
