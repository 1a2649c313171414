package org.alignlab.executor.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.alignlab.contracts.crypto.Ed25519;
import org.alignlab.contracts.crypto.TicketSigner;
import org.alignlab.contracts.crypto.TicketVerifier;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExecutionTicket;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.Split;
import org.alignlab.contracts.json.CanonicalJson;
import org.alignlab.contracts.json.Sha256;
import org.alignlab.executor.ticket.TicketCheck.Rejection;
import org.junit.jupiter.api.Test;

class TicketCheckTest {

    private static final Instant NOW = Instant.parse("2026-11-26T20:00:00Z");
    private static final KeyPair MONITOR = Ed25519.generate();
    private static final TicketSigner SIGNER = new TicketSigner(MONITOR);
    /** Each ticket quotes an audit record of its own; whether the monitor holds it is up to each test. */
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final InMemoryTicketLedger ledger = new InMemoryTicketLedger();
    private final MonitorRecords monitor = new MonitorRecords();
    private final TicketCheck check = new TicketCheck(new TicketVerifier(MONITOR.getPublic()),
            Clock.fixed(NOW, ZoneOffset.UTC), ledger, monitor);

    /** The monitor's committed records by seq, handed to the check directly; counts lookups. */
    private static final class MonitorRecords implements AuditRecordSource {
        final Map<Long, MonitorAuditRecord> bySeq = new HashMap<>();
        final AtomicInteger lookups = new AtomicInteger();
        boolean down;

        @Override
        public Optional<MonitorAuditRecord> find(long seq) {
            lookups.incrementAndGet();
            if (down) {
                throw new MonitorUnavailableException("monitor unreachable");
            }
            return Optional.ofNullable(bySeq.get(seq));
        }
    }

    static AgentAction action(UUID actionId) {
        ExperimentSpec spec = new ExperimentSpec("weak-to-strong", Map.of("epochs", 2), List.of(1, 2),
                Split.VALIDATION, new ResourceRequest(60, 512, 120), null);
        return new AgentAction(actionId, UUID.randomUUID(), 1, Agent.IDEATION, "default", ActionType.RUN_EXPERIMENT,
                null, null, spec, NOW.minusSeconds(5));
    }

    static ExecutionTicket unsigned(UUID actionId, Decision decision, Instant expiresAt, String keyId) {
        String auditHash = Sha256.hex(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        AgentAction action = action(actionId);
        return new ExecutionTicket(UUID.randomUUID(), action, Sha256.ofCanonical(action), decision,
                SEQ.incrementAndGet(), auditHash, NOW.minusSeconds(1), expiresAt, keyId, null);
    }

    /** The VERDICT ALLOW record a correct monitor committed for the ticket. */
    private static MonitorAuditRecord approval(ExecutionTicket ticket) {
        return new MonitorAuditRecord(ticket.auditSeq(), MonitorAuditRecord.VERDICT, ticket.action().id(),
                Sha256.ofCanonical(ticket.action()), "ALLOW", ticket.auditHash());
    }

    /** Signed by the monitor, with its approval committed. */
    private ExecutionTicket valid() {
        ExecutionTicket ticket = SIGNER.sign(unsigned(UUID.randomUUID(), Decision.ALLOW, NOW.plusSeconds(300),
                SIGNER.keyId()));
        monitor.bySeq.put(ticket.auditSeq(), approval(ticket));
        return ticket;
    }

    private static Rejection.Kind kind(Optional<Rejection> rejection) {
        return rejection.map(Rejection::kind).orElse(null);
    }

    @Test
    void acceptsAValidTicketAndUsesItUp() {
        ExecutionTicket ticket = valid();

        assertThat(check.check(ticket)).isEmpty();
        assertThat(ledger.claims()).containsEntry(ticket.ticketId(), ticket.action().id());
    }

    @Test
    void acceptsATicketBackedByAReviewersApproval() {
        ExecutionTicket ticket = valid();
        MonitorAuditRecord verdict = monitor.bySeq.get(ticket.auditSeq());
        monitor.bySeq.put(ticket.auditSeq(), new MonitorAuditRecord(verdict.seq(), MonitorAuditRecord.HUMAN_DECISION,
                verdict.actionId(), verdict.payloadHash(), "ALLOW", verdict.hash()));

        assertThat(check.check(ticket)).isEmpty();
    }

    @Test
    void rejectsATicketSignedByAnotherKey() {
        TicketSigner other = new TicketSigner(Ed25519.generate());
        ExecutionTicket ticket = other.sign(unsigned(UUID.randomUUID(), Decision.ALLOW, NOW.plusSeconds(300),
                other.keyId()));

        assertThat(kind(check.check(ticket))).isEqualTo(Rejection.Kind.BAD_SIGNATURE);
    }

    @Test
    void rejectsAnotherKeysSignatureThatClaimsTheMonitorsKeyId() {
        KeyPair other = Ed25519.generate();
        ExecutionTicket unsigned = unsigned(UUID.randomUUID(), Decision.ALLOW, NOW.plusSeconds(300), SIGNER.keyId());
        ExecutionTicket forged = unsigned.withSignature(Ed25519.sign(other.getPrivate(),
                CanonicalJson.bytes(unsigned)));

        assertThat(kind(check.check(forged))).isEqualTo(Rejection.Kind.BAD_SIGNATURE);
    }

    @Test
    void rejectsATicketChangedAfterSigning() {
        ExecutionTicket signed = valid();
        ExecutionTicket widened = new ExecutionTicket(signed.ticketId(), signed.action(), signed.contentHash(),
                signed.decision(),
                signed.auditSeq(), signed.auditHash(), signed.issuedAt(), signed.expiresAt().plusSeconds(86_400),
                signed.keyId(), signed.signature());

        assertThat(kind(check.check(widened))).isEqualTo(Rejection.Kind.BAD_SIGNATURE);
    }

    /** Issue 14: the action swapped for a script after the monitor signed, its content hash left as it was. */
    @Test
    void rejectsATicketWhoseActionWasChangedAfterSigning() {
        ExecutionTicket signed = valid();
        AgentAction script = new AgentAction(signed.action().id(), signed.action().goalId(), 1, Agent.IDEATION,
                "default", ActionType.RUN_SCRIPT, null, null, new ExperimentSpec("script", Map.of(), List.of(1),
                        Split.VALIDATION, new ResourceRequest(60, 512, 120), "class Main {}"),
                signed.action().createdAt());
        ExecutionTicket swapped = new ExecutionTicket(signed.ticketId(), script, signed.contentHash(),
                signed.decision(), signed.auditSeq(), signed.auditHash(), signed.issuedAt(), signed.expiresAt(),
                signed.keyId(), signed.signature());
        ExecutionTicket swappedWithItsHash = new ExecutionTicket(signed.ticketId(), script,
                Sha256.ofCanonical(script), signed.decision(), signed.auditSeq(), signed.auditHash(),
                signed.issuedAt(), signed.expiresAt(), signed.keyId(), signed.signature());

        assertThat(kind(check.check(swapped))).isEqualTo(Rejection.Kind.BAD_SIGNATURE);
        assertThat(kind(check.check(swappedWithItsHash))).isEqualTo(Rejection.Kind.BAD_SIGNATURE);
        assertThat(ledger.claims()).isEmpty();
    }

    /** The monitor's key signed content other than the action it carries: never run it. */
    @Test
    void rejectsASignedTicketWhoseActionDoesNotHashToItsContentHash() {
        ExecutionTicket honest = unsigned(UUID.randomUUID(), Decision.ALLOW, NOW.plusSeconds(300), SIGNER.keyId());
        String approved = Sha256.ofCanonical(action(honest.action().id()));
        ExecutionTicket ticket = SIGNER.sign(new ExecutionTicket(honest.ticketId(), honest.action(), approved,
                honest.decision(), honest.auditSeq(), honest.auditHash(), honest.issuedAt(), honest.expiresAt(),
                honest.keyId(), null));
        monitor.bySeq.put(ticket.auditSeq(), approval(ticket));

        assertThat(check.check(ticket)).hasValueSatisfying(rejection -> {
            assertThat(rejection.kind()).isEqualTo(Rejection.Kind.CONTENT_MISMATCH);
            assertThat(rejection.detail()).contains("approves content " + approved,
                    "its action hashes to " + Sha256.ofCanonical(ticket.action()));
        });
        assertThat(monitor.lookups).as("refused before the audit lookup").hasValue(0);
        assertThat(ledger.claims()).isEmpty();
    }

    @Test
    void aRejectedTicketDoesNotUseUpItsAction() {
        ExecutionTicket real = valid();
        TicketSigner other = new TicketSigner(Ed25519.generate());
        ExecutionTicket forgedForSameAction = other.sign(new ExecutionTicket(UUID.randomUUID(), real.action(),
                real.contentHash(), Decision.ALLOW, real.auditSeq(), real.auditHash(), NOW, NOW.plusSeconds(300),
                other.keyId(), null));

        assertThat(check.check(forgedForSameAction)).isPresent();
        assertThat(monitor.lookups).as("a forged ticket costs no lookup").hasValue(0);
        assertThat(check.check(real)).isEmpty();
    }

    @Test
    void rejectsAnExpiredTicketAndOneExpiringNow() {
        ExecutionTicket expired = SIGNER.sign(unsigned(UUID.randomUUID(), Decision.ALLOW, NOW.minusSeconds(1),
                SIGNER.keyId()));
        ExecutionTicket expiringNow = SIGNER.sign(unsigned(UUID.randomUUID(), Decision.ALLOW, NOW, SIGNER.keyId()));

        assertThat(check.check(expired)).hasValueSatisfying(rejection -> {
            assertThat(rejection.kind()).isEqualTo(Rejection.Kind.EXPIRED);
            assertThat(rejection.detail()).contains("expired");
        });
        assertThat(kind(check.check(expiringNow))).isEqualTo(Rejection.Kind.EXPIRED);
        assertThat(ledger.claims()).isEmpty();
        assertThat(monitor.lookups).hasValue(0);
    }

    @Test
    void rejectsASignedTicketThatIsNotAnAllow() {
        ExecutionTicket held = SIGNER.sign(unsigned(UUID.randomUUID(), Decision.HOLD, NOW.plusSeconds(300),
                SIGNER.keyId()));

        assertThat(kind(check.check(held))).isEqualTo(Rejection.Kind.NOT_ALLOWED);
    }

    @Test
    void rejectsTheSameTicketTwice() {
        ExecutionTicket ticket = valid();

        assertThat(check.check(ticket)).isEmpty();
        assertThat(check.check(ticket)).hasValueSatisfying(rejection -> {
            assertThat(rejection.kind()).isEqualTo(Rejection.Kind.REPLAYED);
            assertThat(rejection.detail()).contains("replayed ticket", ticket.ticketId().toString());
        });
    }

    @Test
    void rejectsASecondTicketForAnActionThatRan() {
        UUID actionId = UUID.randomUUID();
        ExecutionTicket first = SIGNER.sign(unsigned(actionId, Decision.ALLOW, NOW.plusSeconds(300), SIGNER.keyId()));
        ExecutionTicket second = SIGNER.sign(unsigned(actionId, Decision.ALLOW, NOW.plusSeconds(300), SIGNER.keyId()));
        monitor.bySeq.put(first.auditSeq(), approval(first));
        monitor.bySeq.put(second.auditSeq(), approval(second));

        assertThat(check.check(first)).isEmpty();
        assertThat(check.check(second)).hasValueSatisfying(rejection -> {
            assertThat(rejection.kind()).isEqualTo(Rejection.Kind.REPLAYED);
            assertThat(rejection.detail()).contains("replayed action", actionId.toString());
        });
    }

    @Test
    void refusesATicketWhoseAuditRecordDoesNotExist() {
        ExecutionTicket ticket = valid();
        monitor.bySeq.remove(ticket.auditSeq());

        assertThat(check.check(ticket)).hasValueSatisfying(rejection -> {
            assertThat(rejection.kind()).isEqualTo(Rejection.Kind.AUDIT_MISMATCH);
            assertThat(rejection.detail()).contains("audit record " + ticket.auditSeq(), "does not hold");
        });
        assertThat(ledger.claims()).isEmpty();
    }

    @Test
    void refusesATicketThatQuotesAnotherHash() {
        ExecutionTicket ticket = valid();
        String committed = "e".repeat(64);
        MonitorAuditRecord record = approval(ticket);
        monitor.bySeq.put(ticket.auditSeq(), new MonitorAuditRecord(record.seq(), record.type(), record.actionId(),
                record.payloadHash(), record.decision(), committed));

        assertMismatch(ticket, "hash is " + committed, "the ticket quotes " + ticket.auditHash());
    }

    @Test
    void refusesATicketWhoseAuditRecordIsAboutAnotherAction() {
        ExecutionTicket ticket = valid();
        UUID other = UUID.randomUUID();
        MonitorAuditRecord record = approval(ticket);
        monitor.bySeq.put(ticket.auditSeq(), new MonitorAuditRecord(record.seq(), record.type(), other,
                record.payloadHash(), record.decision(), record.hash()));

        assertMismatch(ticket, "about action " + other);
    }

    @Test
    void refusesATicketWhoseAuditRecordIsNotAnApproval() {
        ExecutionTicket ticket = valid();
        MonitorAuditRecord record = approval(ticket);
        monitor.bySeq.put(ticket.auditSeq(), new MonitorAuditRecord(record.seq(), "ACTION_PROPOSED", record.actionId(),
                record.payloadHash(), null, record.hash()));

        assertMismatch(ticket, "is a ACTION_PROPOSED, not a VERDICT or HUMAN_DECISION", "decision is null");
    }

    @Test
    void refusesATicketWhoseRecordedDecisionIsNotAllow() {
        ExecutionTicket ticket = valid();
        MonitorAuditRecord record = approval(ticket);
        monitor.bySeq.put(ticket.auditSeq(), new MonitorAuditRecord(record.seq(), MonitorAuditRecord.HUMAN_DECISION,
                record.actionId(), record.payloadHash(), "BLOCK", record.hash()));

        assertMismatch(ticket, "recorded decision is BLOCK, not ALLOW");
    }

    @Test
    void refusesATicketWhoseActionIsNotTheOneAudited() {
        ExecutionTicket ticket = valid();
        String audited = Sha256.ofCanonical(action(ticket.action().id()));
        MonitorAuditRecord record = approval(ticket);
        monitor.bySeq.put(ticket.auditSeq(), new MonitorAuditRecord(record.seq(), record.type(), record.actionId(),
                audited, record.decision(), record.hash()));

        assertMismatch(ticket, "payload hash is " + audited,
                "the ticket's action hashes to " + Sha256.ofCanonical(ticket.action()));
    }

    @Test
    void aMonitorThatCannotAnswerNeitherRefusesNorUsesUpTheTicket() {
        ExecutionTicket ticket = valid();
        monitor.down = true;

        assertThatThrownBy(() -> check.check(ticket)).isInstanceOf(MonitorUnavailableException.class);
        assertThat(ledger.claims()).isEmpty();

        monitor.down = false;
        assertThat(check.check(ticket)).isEmpty();
    }

    private void assertMismatch(ExecutionTicket ticket, String... because) {
        assertThat(check.check(ticket)).hasValueSatisfying(rejection -> {
            assertThat(rejection.kind()).isEqualTo(Rejection.Kind.AUDIT_MISMATCH);
            assertThat(rejection.detail()).contains("audit record " + ticket.auditSeq()).contains(because);
        });
        assertThat(ledger.claims()).as("a mismatched ticket uses nothing up").isEmpty();
    }
}
