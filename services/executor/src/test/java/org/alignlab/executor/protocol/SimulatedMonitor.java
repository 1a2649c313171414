package org.alignlab.executor.protocol;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.alignlab.contracts.audit.ChainEntry;
import org.alignlab.contracts.audit.ChainLink;
import org.alignlab.contracts.audit.ChainVerifier;
import org.alignlab.contracts.crypto.TicketSigner;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExecutionTicket;
import org.alignlab.contracts.json.Sha256;
import org.alignlab.executor.ticket.MonitorAuditRecord;
import org.alignlab.executor.ticket.AuditRecordSource;
import org.alignlab.executor.ticket.MonitorUnavailableException;

/**
 * The monitor's side of the gate, reduced to its transactions over an audit chain of real {@link ChainEntry}
 * records, signed with the monitor's key as the monitor signs them, and a ticket outbox. A transaction stages its records and outbox rows and either commits them all or,
 * on a crash before commit, loses them all. Tickets are signed inside the transaction with the real
 * {@link TicketSigner}, so a crash leaves a validly signed ticket behind in memory that was never committed:
 * kept in {@link #lostInCrashes()} for the attacker, as a buggy publish-before-commit would leak it.
 */
final class SimulatedMonitor {

    static final String CHAIN = "main";
    static final String ACTION_PROPOSED = "ACTION_PROPOSED";

    private final TicketSigner signer;
    private final ModelClock clock;
    private final Duration ticketLifetime;

    private final List<ChainLink> chain = new ArrayList<>();
    private final Map<UUID, Decision> verdicts = new HashMap<>();
    private final Set<UUID> reviewed = new HashSet<>();
    private final List<OutboxRow> outbox = new ArrayList<>();
    private final List<ExecutionTicket> lostInCrashes = new ArrayList<>();
    private boolean reachable = true;

    SimulatedMonitor(TicketSigner signer, ModelClock clock, Duration ticketLifetime) {
        this.signer = signer;
        this.clock = clock;
        this.ticketLifetime = ticketLifetime;
    }

    /** A ticket in the outbox; the relay marks it sent after publishing it. */
    static final class OutboxRow {
        final ExecutionTicket ticket;
        boolean sent;

        OutboxRow(ExecutionTicket ticket) {
            this.ticket = ticket;
        }
    }

    /**
     * One delivery of an action from {@code agent.actions}: in one transaction, ACTION_PROPOSED, the decision,
     * VERDICT and, for ALLOW, the signed ticket into the outbox. A redelivery of a decided action re-reads the
     * stored verdict and appends nothing; after a crash the action is still undecided and is decided afresh.
     */
    void deliver(AgentAction action, Decision decision, boolean crashBeforeCommit) {
        if (verdicts.containsKey(action.id())) {
            return;
        }
        Transaction tx = new Transaction();
        tx.append(ACTION_PROPOSED, action, null, "monitor", null);
        ChainLink verdict = tx.append(MonitorAuditRecord.VERDICT, action, decision.name(), "monitor", null);
        if (decision == Decision.ALLOW) {
            tx.issue(action, verdict);
        }
        tx.end(crashBeforeCommit, () -> verdicts.put(action.id(), decision));
    }

    boolean isHeld(UUID actionId) {
        return verdicts.get(actionId) == Decision.HOLD && !reviewed.contains(actionId);
    }

    /** A reviewer decides a held action: HUMAN_DECISION and, on approval, a ticket, in one transaction. */
    void review(AgentAction action, boolean approve, boolean crashBeforeCommit) {
        if (!isHeld(action.id())) {
            throw new IllegalStateException("action " + action.id() + " is not held");
        }
        Transaction tx = new Transaction();
        ChainLink decision = tx.append(MonitorAuditRecord.HUMAN_DECISION, action,
                (approve ? Decision.ALLOW : Decision.BLOCK).name(), "reviewer:model", null);
        if (approve) {
            tx.issue(action, decision);
        }
        tx.end(crashBeforeCommit, () -> reviewed.add(action.id()));
    }

    /** The {@code audit.events} consumer: an executor's report joins the chain in a transaction of its own. */
    void report(String type, AgentAction action, String detail) {
        Transaction tx = new Transaction();
        tx.append(type, action, null, "executor", detail);
        tx.end(false, () -> {});
    }

    Optional<OutboxRow> nextUnsent() {
        return outbox.stream().filter(row -> !row.sent).findFirst();
    }

    /** Every ticket the monitor committed, sent or not. */
    List<ExecutionTicket> issued() {
        return outbox.stream().map(row -> row.ticket).toList();
    }

    List<ExecutionTicket> lostInCrashes() {
        return List.copyOf(lostInCrashes);
    }

    List<ChainLink> chain() {
        return List.copyOf(chain);
    }

    void setReachable(boolean reachable) {
        this.reachable = reachable;
    }

    /**
     * What {@code GET /api/audit/records/{seq}} answers: the committed record, nothing staged, and nothing at all
     * while the monitor is unreachable.
     */
    AuditRecordSource auditApi() {
        return new AuditRecordSource() {
            @Override
            public Optional<MonitorAuditRecord> find(long seq) {
                requireReachable();
                return seq < 1 || seq > chain.size() ? Optional.empty() : Optional.of(shown(chain.get((int) seq - 1)));
            }

            @Override
            public List<MonitorAuditRecord> executionsOf(UUID actionId) {
                requireReachable();
                return chain.stream().filter(link -> actionId.equals(link.entry().actionId())
                        && link.entry().type().startsWith("EXECUTION_")).map(SimulatedMonitor::shown).toList();
            }
        };
    }

    private void requireReachable() {
        if (!reachable) {
            throw new MonitorUnavailableException("monitor unreachable");
        }
    }

    private static MonitorAuditRecord shown(ChainLink link) {
        ChainEntry entry = link.entry();
        return new MonitorAuditRecord(entry.seq(), entry.type(), entry.actionId(), entry.payloadHash(),
                entry.decision(), link.hash());
    }

    /** Staged changes: visible to nobody until {@link #end} commits them. */
    private final class Transaction {
        private final List<ChainLink> records = new ArrayList<>();
        private final List<OutboxRow> rows = new ArrayList<>();

        ChainLink append(String type, AgentAction action, String decision, String actor, String detail) {
            ChainLink head = !records.isEmpty() ? records.get(records.size() - 1)
                    : chain.isEmpty() ? null : chain.get(chain.size() - 1);
            ChainEntry entry = signer.sign(new ChainEntry(CHAIN, head == null ? 1 : head.entry().seq() + 1,
                    clock.instant(), type, action.goalId(), action.id(),
                    action.agent().name().toLowerCase(Locale.ROOT), null, Sha256.ofCanonical(action), decision, null,
                    null, actor, "model", detail, null, null, signer.keyId(), null,
                    head == null ? ChainVerifier.GENESIS_HASH : head.hash()));
            ChainLink link = new ChainLink(entry, entry.computeHash());
            records.add(link);
            return link;
        }

        void issue(AgentAction action, ChainLink approval) {
            rows.add(new OutboxRow(signer.sign(new ExecutionTicket(UUID.randomUUID(), action,
                    Sha256.ofCanonical(action), Decision.ALLOW,
                    approval.entry().seq(), approval.hash(), clock.instant(), clock.instant().plus(ticketLifetime),
                    signer.keyId(), null))));
        }

        void end(boolean crashBeforeCommit, Runnable onCommit) {
            if (crashBeforeCommit) {
                rows.forEach(row -> lostInCrashes.add(row.ticket));
                return;
            }
            chain.addAll(records);
            outbox.addAll(rows);
            onCommit.run();
        }
    }
}
