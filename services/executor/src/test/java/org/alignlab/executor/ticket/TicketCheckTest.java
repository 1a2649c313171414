package org.alignlab.executor.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
import org.alignlab.executor.ticket.TicketCheck.Rejection;
import org.junit.jupiter.api.Test;

class TicketCheckTest {

    private static final Instant NOW = Instant.parse("2026-11-26T20:00:00Z");
    private static final KeyPair MONITOR = Ed25519.generate();
    private static final TicketSigner SIGNER = new TicketSigner(MONITOR);

    private final InMemoryLedger ledger = new InMemoryLedger();
    private final TicketCheck check = new TicketCheck(new TicketVerifier(MONITOR.getPublic()),
            Clock.fixed(NOW, ZoneOffset.UTC), ledger);

    /** The {@code used_tickets} constraints, in memory: the ledger's own SQL is exercised by the Quarkus test. */
    private static final class InMemoryLedger implements TicketLedger {
        final Map<UUID, UUID> actionByTicket = new HashMap<>();

        @Override
        public Claim claim(UUID ticketId, UUID actionId, Instant at) {
            if (actionByTicket.containsKey(ticketId)) {
                return Claim.TICKET_USED;
            }
            if (actionByTicket.containsValue(actionId)) {
                return Claim.ACTION_RAN;
            }
            actionByTicket.put(ticketId, actionId);
            return Claim.CLAIMED;
        }
    }

    static AgentAction action(UUID actionId) {
        ExperimentSpec spec = new ExperimentSpec("weak-to-strong", Map.of("epochs", 2), List.of(1, 2),
                Split.VALIDATION, new ResourceRequest(60, 512, 120), null);
        return new AgentAction(actionId, UUID.randomUUID(), 1, Agent.IDEATION, "default", ActionType.RUN_EXPERIMENT,
                null, null, spec, NOW.minusSeconds(5));
    }

    static ExecutionTicket unsigned(UUID actionId, Decision decision, Instant expiresAt, String keyId) {
        return new ExecutionTicket(UUID.randomUUID(), action(actionId), decision, 3, "b".repeat(64),
                NOW.minusSeconds(1), expiresAt, keyId, null);
    }

    private static ExecutionTicket valid() {
        return SIGNER.sign(unsigned(UUID.randomUUID(), Decision.ALLOW, NOW.plusSeconds(300), SIGNER.keyId()));
    }

    private static Rejection.Kind kind(Optional<Rejection> rejection) {
        return rejection.map(Rejection::kind).orElse(null);
    }

    @Test
    void acceptsAValidTicketAndUsesItUp() {
        ExecutionTicket ticket = valid();

        assertThat(check.check(ticket)).isEmpty();
        assertThat(ledger.actionByTicket).containsEntry(ticket.ticketId(), ticket.action().id());
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
        ExecutionTicket widened = new ExecutionTicket(signed.ticketId(), signed.action(), signed.decision(),
                signed.auditSeq(), signed.auditHash(), signed.issuedAt(), signed.expiresAt().plusSeconds(86_400),
                signed.keyId(), signed.signature());

        assertThat(kind(check.check(widened))).isEqualTo(Rejection.Kind.BAD_SIGNATURE);
    }

    @Test
    void aRejectedTicketDoesNotUseUpItsAction() {
        ExecutionTicket real = valid();
        TicketSigner other = new TicketSigner(Ed25519.generate());
        ExecutionTicket forgedForSameAction = other.sign(new ExecutionTicket(UUID.randomUUID(), real.action(),
                Decision.ALLOW, 3, "b".repeat(64), NOW, NOW.plusSeconds(300), other.keyId(), null));

        assertThat(check.check(forgedForSameAction)).isPresent();
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
        assertThat(ledger.actionByTicket).isEmpty();
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

        assertThat(check.check(first)).isEmpty();
        assertThat(check.check(second)).hasValueSatisfying(rejection -> {
            assertThat(rejection.kind()).isEqualTo(Rejection.Kind.REPLAYED);
            assertThat(rejection.detail()).contains("replayed action", actionId.toString());
        });
    }
}
