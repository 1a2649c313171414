package org.alignlab.monitor.holds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExecutionTicket;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.contracts.json.Sha256;
import org.alignlab.monitor.audit.AuditFacts;
import org.alignlab.monitor.audit.AuditLog;
import org.alignlab.monitor.audit.AuditRecord;
import org.alignlab.monitor.audit.AuditRecordRepository;
import org.alignlab.monitor.gate.ActionDecided;
import org.alignlab.monitor.gate.ActionGate;
import org.alignlab.monitor.gate.ActionRecordRepository;
import org.alignlab.monitor.gate.DecisionEffects;
import org.alignlab.monitor.gate.VerdictRepository;
import org.alignlab.monitor.tickets.SigningKeys;

/**
 * Ends an open hold, whoever ends it (a reviewer or the review timeout), the same way the gate ends a decision:
 * append the audit record that says so, publish a verdict bound to it, and let {@link DecisionEffects} do what
 * follows (an ALLOW gets its ticket here and nowhere else). The record joins the held action's trace and repeats
 * the scores it was held with, so the chain alone tells a verifier what was decided on what.
 */
@ApplicationScoped
class HoldResolver {

    /**
     * How a hold ends.
     *
     * @param recordType  {@link AuditLog#HUMAN_DECISION} or {@link AuditLog#REVIEW_TIMEOUT}
     * @param actor       who made the audit record
     * @param decidedBy   the verdict's {@code decidedBy}
     * @param replacement the trusted replacement, for DEFER_TO_TRUSTED
     */
    record Resolution(HeldAction.Status status, Decision decision, String recordType, String actor, String decidedBy,
            String detail, Optional<AgentAction> replacement) {
    }

    /** The verdict that ended the hold, and the ticket when it is an ALLOW. */
    record Resolved(Verdict verdict, Optional<ExecutionTicket> ticket) {
    }

    /** Fired with each hold that ends; observed after commit. */
    record HoldClosed(HeldAction.Status status, Decision decision) {
    }

    @Inject
    SigningKeys keys;
    @Inject
    ActionRecordRepository actions;
    @Inject
    VerdictRepository verdicts;
    @Inject
    AuditRecordRepository records;
    @Inject
    AuditLog auditLog;
    @Inject
    DecisionEffects effects;
    @Inject
    Event<ActionDecided> decided;
    @Inject
    Event<HoldClosed> closed;

    /** The held action as stored; only an approval's content check shows it is still what the gate received. */
    AgentAction action(HeldAction hold) {
        return actions.findById(hold.actionId()).action();
    }

    /** The trace of the VERDICT that held the action, which every record ending the hold joins. */
    String traceId(HeldAction hold) {
        return records.findById(AuditRecord.Key.of(AuditLog.MAIN, hold.auditSeq())).link().entry().traceId();
    }

    /**
     * Ends {@code hold}, which the caller has locked and found HELD.
     *
     * @param action the held action as the caller read it ({@link #action}): exactly this is audited and signed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Resolved resolve(HeldAction hold, AgentAction action, Resolution resolution) {
        Verdict held = verdicts.findById(hold.actionId()).verdict();
        String traceId = traceId(hold);
        Optional<AgentAction> replacement = resolution.decision() == Decision.DEFER_TO_TRUSTED
                ? resolution.replacement() : Optional.empty();
        AuditRecord record = auditLog.append(new AuditFacts(resolution.recordType(), action.goalId(), action.id(),
                ActionGate.agentName(action), resolution.actor(), traceId, Sha256.ofCanonical(action),
                resolution.decision().name(), held.suspicion(), held.modelScore(), held.policyVersion(),
                resolution.detail()));
        Verdict verdict = keys.sign(new Verdict(action.id(), action.goalId(), resolution.decision(),
                held.suspicion(), held.ruleHits(), held.modelScore(), held.policyVersion(), resolution.decidedBy(),
                replacement.map(AgentAction::id).orElse(null), record.seq(), record.hash(), record.recordedAt(), null,
                null));
        Optional<ExecutionTicket> ticket = effects.apply(action, verdict, record, replacement);
        hold.close(resolution.status(), resolution.decision(), resolution.decidedBy(), record.recordedAt(),
                resolution.detail(), record.seq());
        // Counted as a decision, but its suspicion was already calibrated when the gate held the action.
        decided.fire(new ActionDecided(action, verdict.decision(), verdict.suspicion(), false, false, null,
                ticket.isPresent(), List.of()));
        closed.fire(new HoldClosed(resolution.status(), resolution.decision()));
        return new Resolved(verdict, ticket);
    }
}
