package org.alignlab.contracts.audit;

import static org.alignlab.contracts.audit.Checkpoints.SIGNER;
import static org.alignlab.contracts.audit.Checkpoints.VERIFIER;
import static org.alignlab.contracts.audit.Checkpoints.audit;
import static org.alignlab.contracts.audit.Checkpoints.signedAt;
import static org.alignlab.contracts.audit.Checkpoints.unsigned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.alignlab.contracts.crypto.Ed25519;
import org.alignlab.contracts.crypto.TicketSigner;
import org.alignlab.contracts.events.AuditCheckpoint;
import org.alignlab.contracts.json.CanonicalJson;
import org.alignlab.contracts.json.Json;
import org.junit.jupiter.api.Test;

class CheckpointCheckTest {

    private final List<ChainLink> chain = RandomChains.chainOf(new Random(6), 6);

    @Test
    void aCheckpointWhoseHashWasChangedAfterSigningIsReportedAsForged() {
        AuditCheckpoint genuine = signedAt(chain, 4);
        AuditCheckpoint altered = new AuditCheckpoint(genuine.chain(), genuine.seq(), "e".repeat(64),
                genuine.checkpointSeq(), genuine.previousHash(), genuine.createdAt(), genuine.keyId(),
                genuine.signature());

        AuditReport report = audit(chain, List.of(altered));

        assertThat(report.chain().verified()).isTrue();
        assertThat(report.verified()).isFalse();
        assertThat(report.checkpointProblems()).containsExactly(new CheckpointProblem(4,
                "checkpoint at seq 4 has a signature that does not verify: forged or altered"));
        assertThat(report.coveredSeq()).isZero();
    }

    @Test
    void aCheckpointSignedWithAnotherKeyUnderTheMonitorsKeyIdIsReportedAsForged() {
        KeyPair attacker = Ed25519.generate();
        AuditCheckpoint claim = unsigned(RandomChains.CHAIN, 5, chain.get(4).hash(), SIGNER.keyId());
        AuditCheckpoint forged = claim.withSignature(Ed25519.sign(attacker.getPrivate(), CanonicalJson.bytes(claim)));

        assertThat(audit(chain, List.of(forged)).checkpointProblems()).singleElement()
                .isEqualTo(new CheckpointProblem(5,
                        "checkpoint at seq 5 has a signature that does not verify: forged or altered"));
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsReportedWithBothKeyIds() {
        TicketSigner other = new TicketSigner(Ed25519.generate());
        AuditCheckpoint foreign = other.sign(unsigned(RandomChains.CHAIN, 2, chain.get(1).hash(), other.keyId()));

        AuditReport report = audit(chain, List.of(foreign));

        assertThat(report.checkpointProblems()).containsExactly(new CheckpointProblem(2, "checkpoint at seq 2 is "
                + "signed by key " + other.keyId() + ", not by the monitor's key " + SIGNER.keyId()));
    }

    @Test
    void checkpointsOfAnotherChainAreLeftOut() {
        AuditCheckpoint otherChain = SIGNER.sign(unsigned("other", 3, "d".repeat(64), SIGNER.keyId()));

        AuditReport report = audit(chain, List.of(otherChain, signedAt(chain, 6)));

        assertThat(report.verified()).isTrue();
        assertThat(report.checkpointsChecked()).isEqualTo(1);
        assertThat(report.coveredSeq()).isEqualTo(6);
    }

    @Test
    void problemsComeInSeqOrderWhateverTheOrderCheckpointsArrivedIn() {
        AuditCheckpoint beyondTheEnd = SIGNER.sign(unsigned(RandomChains.CHAIN, 9, "a".repeat(64), SIGNER.keyId()));
        AuditCheckpoint disagreeing = SIGNER.sign(unsigned(RandomChains.CHAIN, 3, "b".repeat(64), SIGNER.keyId()));
        AuditCheckpoint forged = signedAt(chain, 5).withSignature(signedAt(chain, 4).signature());

        AuditReport report = audit(chain, List.of(beyondTheEnd, forged, disagreeing, signedAt(chain, 2)));

        assertThat(report.checkpointProblems()).extracting(CheckpointProblem::seq).containsExactly(3L, 5L, 9L);
        assertThat(report.checkpointProblems().get(2).reason())
                .isEqualTo("checkpoint at seq 9 but the chain ends at seq 6");
        assertThat(report.coveredSeq()).isEqualTo(2);
        assertThat(report.checkpointsChecked()).isEqualTo(4);
    }

    @Test
    void aReportSaysWhetherItVerifiedInItsJson() {
        AuditReport report = audit(chain, List.of(signedAt(chain, 6)));

        assertThat(Json.tree(report).path("verified").asBoolean()).isTrue();
        assertThat(Json.tree(report).path("chain").path("headSeq").asLong()).isEqualTo(6);
    }

    @Test
    void aWalkWithoutCheckpointsChecksTheChainAlone() {
        ChainAudit audit = ChainAudit.withoutCheckpoints(RandomChains.CHAIN, VERIFIER);
        chain.forEach(audit::accept);

        AuditReport report = audit.report();

        assertThat(report.verified()).isTrue();
        assertThat(report.checkpointsChecked()).isZero();
        assertThat(report.chain().headHash()).isEqualTo(chain.get(5).hash());
    }

    /** Records and checkpoints alike are checked with the monitor's public key: there is no walk without it. */
    @Test
    void aWalkWithoutTheMonitorsKeyIsRefused() {
        AuditCheckpoint checkpoint = new AuditCheckpoint(RandomChains.CHAIN, 1, "a".repeat(64), 1,
                AuditCheckpoint.GENESIS, Instant.parse("2026-11-26T10:00:00Z"), "0123456789abcdef", "sig");

        assertThatThrownBy(() -> new ChainAudit(RandomChains.CHAIN, null, List.of(checkpoint)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("public key");
        assertThatThrownBy(() -> ChainAudit.withoutCheckpoints(RandomChains.CHAIN, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("public key");
    }
}
