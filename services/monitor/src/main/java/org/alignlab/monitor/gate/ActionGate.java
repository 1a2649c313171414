package org.alignlab.monitor.gate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.Optional;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExecutionTicket;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.contracts.json.Json;
import org.alignlab.contracts.json.Sha256;
import org.alignlab.monitor.audit.AuditFacts;
import org.alignlab.monitor.audit.AuditLog;
import org.alignlab.monitor.audit.AuditRecord;
import org.alignlab.monitor.audit.TraceIds;
import org.alignlab.monitor.scoring.RuleScorer;
import org.alignlab.monitor.tickets.TicketIssuer;
import org.jboss.logging.Logger;

/**
 * The only way to a ticket. In one transaction: audit the proposal, score, decide, audit the verdict and, for
 * ALLOW, sign and store the ticket bound to that VERDICT record. Nothing is published from here: the caller
 * publishes after commit, so no verdict or ticket can exist outside the database.
 */
@ApplicationScoped
public class ActionGate {

    private static final Logger LOG = Logger.getLogger(ActionGate.class);
    static final String DECIDED_BY = "monitor";

    private final RuleScorer scorer;
    private final ControlProtocol protocol;
    private final AuditLog auditLog;
    private final VerdictRepository verdicts;
    private final TicketIssuer tickets;
    private final Event<ActionDecided> decided;

    ActionGate(RuleScorer scorer, ControlProtocol protocol, AuditLog auditLog, VerdictRepository verdicts,
            TicketIssuer tickets, Event<ActionDecided> decided) {
        this.scorer = scorer;
        this.protocol = protocol;
        this.auditLog = auditLog;
        this.verdicts = verdicts;
        this.tickets = tickets;
        this.decided = decided;
    }

    /**
     * Decides an action once. A redelivered action gets its stored verdict and ticket back, nothing is
     * appended again; two concurrent deliveries cannot both commit, as the verdicts table's primary key fails
     * the second, whose retry then takes the stored path.
     */
    @Transactional
    public GateOutcome handle(AgentAction action) {
        String payloadHash = Sha256.ofCanonical(action);
        Optional<StoredVerdict> stored = verdicts.findByIdOptional(action.id());
        if (stored.isPresent()) {
            return replay(stored.get(), action, payloadHash);
        }
        String traceId = TraceIds.current();
        String agent = agentName(action);
        auditLog.append(new AuditFacts(AuditLog.ACTION_PROPOSED, action.goalId(), action.id(), agent, traceId,
                payloadHash, null, null, null, describe(action)));

        GateDecision decision = protocol.decide(scorer.score(action));
        AuditRecord record = auditLog.append(new AuditFacts(AuditLog.VERDICT, action.goalId(), action.id(), agent,
                traceId, payloadHash, decision.decision().name(), decision.suspicion(), decision.policyVersion(),
                Json.write(decision.ruleHits())));

        Verdict verdict = new Verdict(action.id(), action.goalId(), decision.decision(), decision.suspicion(),
                decision.ruleHits(), null, decision.policyVersion(), DECIDED_BY, null, record.seq(), record.hash(),
                record.recordedAt());
        verdicts.persist(new StoredVerdict(verdict, payloadHash));
        ExecutionTicket ticket = decision.decision() == Decision.ALLOW
                ? tickets.issue(action, record.seq(), record.hash())
                : null;
        decided.fire(new ActionDecided(verdict.decision(), ticket != null));
        return new GateOutcome(verdict, ticket);
    }

    private GateOutcome replay(StoredVerdict stored, AgentAction action, String payloadHash) {
        if (!stored.actionHash().equals(payloadHash)) {
            // Only the audited original is ever allowed: a stored ticket names that action, not this one.
            LOG.warnf("action %s redelivered with different content (hash %s, audited %s); re-publishing the "
                    + "verdict on the original", action.id(), payloadHash, stored.actionHash());
        }
        return new GateOutcome(stored.verdict(), tickets.issuedFor(action.id()).orElse(null));
    }

    /** The agent as it is named on the wire ("ideation"), for audit records and span attributes. */
    static String agentName(AgentAction action) {
        return action.agent().name().toLowerCase(Locale.ROOT);
    }

    /** A one-line summary for the reviewer; the full action is pinned by the record's payload hash. */
    private static String describe(AgentAction action) {
        return action.type() + " " + action.spec().family() + " split=" + action.spec().split().name()
                .toLowerCase(Locale.ROOT) + " seeds=" + action.spec().seeds() + " policy=" + action.policy();
    }
}
