package org.alignlab.orchestrator.evidence;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.RunEnvironment;
import org.alignlab.contracts.events.Verdict;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What the orchestrator has heard about one agent action: the monitor's verdict, the sandbox's result and the
 * review that covers it. Events arrive on separate topics in any order, so every part may still be missing.
 */
@Entity
@Table(name = "goal_actions")
public class GoalAction {

    @Id
    private UUID actionId;
    private UUID goalId;
    private Instant firstSeenAt;

    /** What the proposing agent said, from agent.actions; null until the action itself arrives. */
    private Integer round;
    private String agent;
    private String actionType;
    private String policy;
    private String hypothesis;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> params;
    private String split;
    private UUID parentActionId;

    @Enumerated(EnumType.STRING)
    private Decision decision;
    private Double suspicion;
    private String policyVersion;
    private String decidedBy;
    private UUID replacementActionId;
    private Long auditSeq;
    private String auditHash;
    private String verdictTraceId;
    private Instant decidedAt;

    @Enumerated(EnumType.STRING)
    private ExperimentStatus resultStatus;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Double> resultMetrics;
    private Long resultDurationMs;
    private String resultTraceId;
    @JdbcTypeCode(SqlTypes.JSON)
    private RunEnvironment resultEnvironment;
    private Double resultCpuSeconds;

    /** The claim of the review that covers this action; the action's own claim wins over another's. */
    private UUID reviewClaimId;

    protected GoalAction() {
        // for JPA
    }

    GoalAction(UUID actionId, UUID goalId, Instant firstSeenAt) {
        this.actionId = actionId;
        this.goalId = goalId;
        this.firstSeenAt = firstSeenAt;
    }

    /**
     * Records the verdict unless it adds nothing: a redelivery, or any verdict after a final one. A HOLD is the one
     * provisional decision: the reviewer's decision or the review timeout comes later, with a later audit record,
     * and supersedes it. Returns whether it recorded.
     */
    boolean recordVerdict(Verdict verdict, String traceId) {
        boolean supersedesHold = decision == Decision.HOLD && auditSeq != null && verdict.auditSeq() > auditSeq;
        if (decision != null && !supersedesHold) {
            return false;
        }
        decision = verdict.decision();
        decidedBy = verdict.decidedBy();
        replacementActionId = verdict.replacementActionId();
        suspicion = verdict.suspicion();
        policyVersion = verdict.policyVersion();
        auditSeq = verdict.auditSeq();
        auditHash = verdict.auditHash();
        verdictTraceId = traceId;
        decidedAt = verdict.decidedAt();
        return true;
    }

    /** Records what the agent proposed unless it is already recorded (redelivery); returns whether it did. */
    boolean recordProposal(AgentAction action) {
        if (round != null) {
            return false;
        }
        round = action.round();
        agent = action.agent() == null ? null : action.agent().name();
        actionType = action.type() == null ? null : action.type().name();
        policy = action.policy();
        hypothesis = action.hypothesis();
        parentActionId = action.parentActionId();
        if (action.spec() != null) {
            params = action.spec().params();
            split = action.spec().split() == null ? null : action.spec().split().name();
        }
        return true;
    }

    /** Records the result unless one is already recorded (redelivery); returns whether it did. */
    boolean recordResult(ExperimentResult result) {
        if (resultStatus != null) {
            return false;
        }
        resultStatus = result.status();
        resultMetrics = result.metrics();
        resultDurationMs = result.durationMs();
        resultTraceId = result.traceId();
        resultEnvironment = result.environment();
        // A run without a resource report is charged its wall time: the budget must not undercount.
        resultCpuSeconds = result.resources() != null ? result.resources().cpuSeconds()
                : result.durationMs() / 1000.0;
        return true;
    }

    void markReviewed(UUID claimId) {
        if (reviewClaimId == null || claimId.equals(actionId)) {
            reviewClaimId = claimId;
        }
    }

    /** Whether the agent's proposal itself has arrived (it alone carries the round and the agent). */
    public boolean isProposalHeard() {
        return round != null;
    }

    public boolean isReviewed() {
        return reviewClaimId != null;
    }

    public UUID actionId() {
        return actionId;
    }

    public UUID goalId() {
        return goalId;
    }

    public Instant firstSeenAt() {
        return firstSeenAt;
    }

    /** The trusted replacement a DEFER_TO_TRUSTED verdict named; null otherwise. */
    public UUID replacementActionId() {
        return replacementActionId;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Decision decision() {
        return decision;
    }

    public Double suspicion() {
        return suspicion;
    }

    public String policyVersion() {
        return policyVersion;
    }

    public Long auditSeq() {
        return auditSeq;
    }

    public String auditHash() {
        return auditHash;
    }

    public String verdictTraceId() {
        return verdictTraceId;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public ExperimentStatus resultStatus() {
        return resultStatus;
    }

    public Map<String, Double> resultMetrics() {
        return resultMetrics;
    }

    public Long resultDurationMs() {
        return resultDurationMs;
    }

    public String resultTraceId() {
        return resultTraceId;
    }

    public RunEnvironment resultEnvironment() {
        return resultEnvironment;
    }

    /** The round the agent proposed this action for; null until the action itself arrives. */
    public Integer round() {
        return round;
    }

    /** The proposing agent ({@code IDEATION}, {@code REVIEW}, {@code TRUSTED}); null until the action arrives. */
    public String agent() {
        return agent;
    }

    public String actionType() {
        return actionType;
    }

    public String policy() {
        return policy;
    }

    public String hypothesis() {
        return hypothesis;
    }

    public Map<String, Object> params() {
        return params;
    }

    public String split() {
        return split;
    }

    public UUID parentActionId() {
        return parentActionId;
    }

    public Double resultCpuSeconds() {
        return resultCpuSeconds;
    }

    public UUID reviewClaimId() {
        return reviewClaimId;
    }
}
