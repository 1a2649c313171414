package org.alignlab.monitor.gate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ExecutionTicket;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.Sha256;
import org.alignlab.monitor.scoring.Lineage;
import org.alignlab.monitor.audit.AuditRecord;
import org.alignlab.platform.outbox.Outbox;
import org.alignlab.monitor.holds.HeldAction;
import org.alignlab.monitor.holds.HeldActionRepository;
import org.alignlab.monitor.tickets.TicketIssuer;

/**
 * What follows from a decision once its audit record is appended, in the same transaction: the verdict goes to
 * the outbox; ALLOW signs a ticket bound to that record; HOLD opens a hold for a reviewer; DEFER_TO_TRUSTED
 * proposes the trusted replacement on {@code agent.actions}; BLOCK ends there. Shared by the gate, reviewers'
 * decisions and review timeouts, so every path to a ticket is this one.
 */
@ApplicationScoped
public class DecisionEffects {

    @Inject
    Outbox outbox;
    @Inject
    TicketIssuer tickets;
    @Inject
    HeldActionRepository holds;
    @Inject
    GoalBaselineStore goalBaselines;

    /**
     * @param verdict signed by the monitor's key ({@link org.alignlab.monitor.tickets.SigningKeys#sign(Verdict)}):
     *                consumers believe no other
     * @return the ticket, for ALLOW
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ExecutionTicket> apply(AgentAction action, Verdict verdict, AuditRecord record,
            Optional<AgentAction> replacement) {
        return apply(action, Sha256.ofCanonical(action), verdict, EventCodec.encode(verdict), record, replacement);
    }

    /**
     * As {@link #apply(AgentAction, Verdict, AuditRecord, Optional)}, for a caller that has encoded the verdict
     * already (to store it) and hashed the action: the same JSON is published, and neither is computed twice.
     *
     * @param actionHash {@code Sha256.ofCanonical(action)}
     * @param encodedVerdict {@code verdict} as {@link EventCodec#encode} writes it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ExecutionTicket> apply(AgentAction action, String actionHash, Verdict verdict,
            String encodedVerdict, AuditRecord record, Optional<AgentAction> replacement) {
        String key = action.goalId().toString();
        outbox.addJson(Topics.MONITOR_VERDICTS, key, encodedVerdict);
        switch (verdict.decision()) {
            case ALLOW -> {
                TicketIssuer.Issued ticket = tickets.issue(action, actionHash, record.seq(), record.hash());
                outbox.addJson(Topics.EXECUTION_TICKETS, key, ticket.json());
                if (Lineage.proposesGoalBaseline(action)) {
                    goalBaselines.recordIfFirst(action);
                }
                return Optional.of(ticket.ticket());
            }
            case HOLD -> holds.persist(new HeldAction(action.id(), action.goalId(), record.recordedAt(), record.seq()));
            case DEFER_TO_TRUSTED -> outbox.add(Topics.AGENT_ACTIONS, key, replacement.orElseThrow(
                    () -> new IllegalStateException("DEFER_TO_TRUSTED without a replacement for " + action.id())));
            case BLOCK -> {
                // nothing runs
            }
        }
        return Optional.empty();
    }
}
