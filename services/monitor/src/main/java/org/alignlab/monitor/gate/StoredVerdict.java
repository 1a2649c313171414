package org.alignlab.monitor.gate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.alignlab.contracts.events.Agent;
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
    /** The proposing agent and the thresholds in force: what the window's caps and censoring need at warm-up. */
    private String agent;
    private Double holdThreshold;
    private Double deferThreshold;

    protected StoredVerdict() {
    }

    /** @param encoded {@code verdict} as {@code EventCodec.encode} writes it: stored and published alike */
    StoredVerdict(Verdict verdict, String encoded, String actionHash, Agent agent, Thresholds inForce,
            boolean calibrates) {
        this.actionId = verdict.actionId();
        this.goalId = verdict.goalId();
        this.decision = verdict.decision().name();
        this.auditSeq = verdict.auditSeq();
        this.decidedAt = verdict.decidedAt();
        this.actionHash = actionHash;
        this.payload = encoded;
        this.suspicion = verdict.suspicion();
        this.calibrates = calibrates;
        this.agent = agent.name();
        this.holdThreshold = inForce.hold();
        this.deferThreshold = inForce.defer();
    }

    /** The suspicion as decided; null for verdicts stored before the ledger existed. */
    Double suspicion() {
        return suspicion;
    }

    /**
     * The gate's decision as the ledger counts it. A verdict stored before the agent and thresholds were kept (V6)
     * still counts towards the held share but does not calibrate: without them the window could neither cap nor
     * censor it.
     */
    LedgerEntry ledgerEntry() {
        Thresholds inForce = holdThreshold == null ? null : new Thresholds(holdThreshold, deferThreshold);
        return new LedgerEntry(goalId, agent == null ? null : Agent.valueOf(agent), Decision.valueOf(decision),
                suspicion, inForce, Boolean.TRUE.equals(calibrates) && inForce != null);
    }

    public Verdict verdict() {
        return EventCodec.decode(payload, Verdict.class);
    }
}
