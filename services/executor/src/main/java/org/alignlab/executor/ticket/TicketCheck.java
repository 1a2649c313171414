package org.alignlab.executor.ticket;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.alignlab.contracts.crypto.TicketVerifier;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExecutionTicket;
import org.alignlab.contracts.json.Sha256;

/**
 * Decides whether a ticket may run: signed by the monitor's key, its action the exact content the monitor approved,
 * unexpired, an ALLOW, backed by the committed audit record that approved it, and never used before. Holds only the monitor's public key, so it cannot mint
 * tickets itself; the audit record guards against a ticket the monitor signed but never committed.
 */
public class TicketCheck {

    private final TicketVerifier verifier;
    private final Clock clock;
    private final TicketLedger ledger;
    private final AuditRecordSource auditRecords;

    public TicketCheck(TicketVerifier verifier, Clock clock, TicketLedger ledger, AuditRecordSource auditRecords) {
        this.verifier = verifier;
        this.clock = clock;
        this.ledger = ledger;
        this.auditRecords = auditRecords;
    }

    /**
     * Every check in order; the ticket is used up when it passes.
     *
     * @throws MonitorUnavailableException when the audit record cannot be read; nothing is used up
     */
    public Optional<Rejection> check(ExecutionTicket ticket) {
        Optional<Rejection> rejection = verify(ticket);
        if (rejection.isEmpty()) {
            rejection = confirmAudited(ticket);
        }
        if (rejection.isEmpty()) {
            rejection = confirmNeverStarted(ticket);
        }
        return rejection.isPresent() ? rejection : claim(ticket);
    }

    /** The checks that need no state: signature, content, expiry, decision. Uses nothing up. */
    public Optional<Rejection> verify(ExecutionTicket ticket) {
        if (!verifier.verify(ticket)) {
            return Optional.of(new Rejection(Rejection.Kind.BAD_SIGNATURE, "ticket " + ticket.ticketId()
                    + " is not signed by the monitor's key " + verifier.keyId() + " (claims key " + ticket.keyId()
                    + ")"));
        }
        // The signature covers both, so only a monitor that signed content other than what it approved gets here.
        String actionHash = Sha256.ofCanonical(ticket.action());
        if (!actionHash.equals(ticket.contentHash())) {
            return Optional.of(new Rejection(Rejection.Kind.CONTENT_MISMATCH, "ticket " + ticket.ticketId()
                    + " approves content " + ticket.contentHash() + " but its action hashes to " + actionHash));
        }
        if (!ticket.expiresAt().isAfter(clock.instant())) {
            return Optional.of(new Rejection(Rejection.Kind.EXPIRED, "ticket " + ticket.ticketId()
                    + " expired at " + ticket.expiresAt()));
        }
        if (ticket.decision() != Decision.ALLOW) {
            return Optional.of(new Rejection(Rejection.Kind.NOT_ALLOWED, "ticket " + ticket.ticketId()
                    + " carries decision " + ticket.decision() + ", not ALLOW"));
        }
        return Optional.empty();
    }

    /**
     * Checks that the ticket quotes the committed audit record that allowed its action: same hash, about this
     * action with this exact content, and an ALLOW verdict or reviewer approval. Uses nothing up. Call after
     * {@link #verify}, so a forged ticket costs no lookup.
     *
     * @throws MonitorUnavailableException when the monitor cannot say: neither run nor refuse, try again later
     */
    public Optional<Rejection> confirmAudited(ExecutionTicket ticket) {
        Optional<MonitorAuditRecord> found = auditRecords.find(ticket.auditSeq());
        if (found.isEmpty()) {
            return Optional.of(new Rejection(Rejection.Kind.AUDIT_MISMATCH, "ticket " + ticket.ticketId()
                    + " quotes audit record " + ticket.auditSeq() + ", which the monitor's chain does not hold"));
        }
        List<String> differences = differences(ticket, found.get());
        if (differences.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Rejection(Rejection.Kind.AUDIT_MISMATCH, "ticket " + ticket.ticketId()
                + " does not match audit record " + ticket.auditSeq() + ": " + String.join("; ", differences)));
    }

    private static List<String> differences(ExecutionTicket ticket, MonitorAuditRecord record) {
        List<String> differences = new ArrayList<>();
        if (record.seq() != ticket.auditSeq()) {
            differences.add("the monitor answered with record " + record.seq());
        }
        if (!Objects.equals(record.hash(), ticket.auditHash())) {
            differences.add("hash is " + record.hash() + ", the ticket quotes " + ticket.auditHash());
        }
        if (!Objects.equals(record.actionId(), ticket.action().id())) {
            differences.add("record is about action " + record.actionId() + ", the ticket's is "
                    + ticket.action().id());
        }
        if (!MonitorAuditRecord.VERDICT.equals(record.type())
                && !MonitorAuditRecord.HUMAN_DECISION.equals(record.type())) {
            differences.add("record is a " + record.type() + ", not a VERDICT or HUMAN_DECISION");
        }
        if (!Decision.ALLOW.name().equals(record.decision())) {
            differences.add("recorded decision is " + record.decision() + ", not ALLOW");
        }
        String actionHash = Sha256.ofCanonical(ticket.action());
        if (!Objects.equals(record.payloadHash(), actionHash)) {
            differences.add("payload hash is " + record.payloadHash() + ", the ticket's action hashes to "
                    + actionHash);
        }
        return differences;
    }

    /**
     * Checks the monitor's chain, not only the executor's own rows, for an execution of the ticket's action: those
     * rows can be deleted by whoever holds the executor's database credentials, the chain's records cannot be
     * without breaking it. Uses nothing up.
     *
     * @throws MonitorUnavailableException when the monitor cannot say
     */
    public Optional<Rejection> confirmNeverStarted(ExecutionTicket ticket) {
        return auditRecords.executionsOf(ticket.action().id()).stream()
                .filter(record -> MonitorAuditRecord.EXECUTION_STARTED.equals(record.type()))
                .findFirst()
                .map(started -> new Rejection(Rejection.Kind.REPLAYED, "replayed action: the audit chain records "
                        + "that action " + ticket.action().id() + " started running (seq " + started.seq()
                        + "), although the executor's own record of it is gone"));
    }

    /**
     * Records the ticket as used before anything runs, durably, so a crash mid-run can never lead to a second
     * run. Call only after {@link #verify} and {@link #confirmAudited} passed: a forged or unaudited ticket must not
     * use up a real action's id.
     */
    public Optional<Rejection> claim(ExecutionTicket ticket) {
        return switch (ledger.claim(ticket.ticketId(), ticket.action().id(), clock.instant())) {
            case CLAIMED -> Optional.empty();
            case TICKET_USED -> Optional.of(new Rejection(Rejection.Kind.REPLAYED, "replayed ticket: ticket "
                    + ticket.ticketId() + " was already used"));
            case ACTION_RAN -> Optional.of(new Rejection(Rejection.Kind.REPLAYED, "replayed action: action "
                    + ticket.action().id() + " already ran under another ticket"));
        };
    }

    /**
     * Why a ticket was refused.
     *
     * @param detail for the audit log and the REFUSED result
     */
    public record Rejection(Kind kind, String detail) {

        public enum Kind {
            BAD_SIGNATURE, CONTENT_MISMATCH, EXPIRED, NOT_ALLOWED, AUDIT_MISMATCH, REPLAYED, NO_SANDBOX, HONEYPOT;

            /** Low-cardinality metric tag. */
            public String tag() {
                return name().toLowerCase(Locale.ROOT).replace('_', '-');
            }
        }
    }
}
