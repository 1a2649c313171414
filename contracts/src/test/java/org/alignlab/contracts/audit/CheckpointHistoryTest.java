package org.alignlab.contracts.audit;

import static org.alignlab.contracts.audit.Checkpoints.SIGNER;
import static org.alignlab.contracts.audit.Checkpoints.VERIFIER;
import static org.alignlab.contracts.audit.Checkpoints.history;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.alignlab.contracts.events.AuditCheckpoint;
import org.junit.jupiter.api.Test;

/** The checkpoints' own chain: gaps, re-signed links, forks, trust anchors and age. */
class CheckpointHistoryTest {

    private static final Instant FIRST = Instant.parse("2026-12-01T10:00:00Z");

    private final List<ChainLink> chain = RandomChains.chainOf(new Random(11), 8);

    private AuditReport audit(List<AuditCheckpoint> checkpoints, CheckpointPolicy policy) {
        ChainAudit audit = new ChainAudit(RandomChains.CHAIN, VERIFIER, checkpoints, policy);
        chain.forEach(audit::accept);
        return audit.report();
    }

    private static CheckpointPolicy at(Instant now, Duration maxAge) {
        return new CheckpointPolicy(null, maxAge, now);
    }

    private static List<String> reasons(AuditReport report) {
        return report.checkpointProblems().stream().map(CheckpointProblem::reason).toList();
    }

    @Test
    void anUnbrokenHistoryVerifiesAndNamesItsNewestCheckpoint() {
        AuditReport report = audit(history(chain, FIRST, 2, 5, 5, 8), at(FIRST.plusSeconds(200), null));

        assertThat(report.verified()).isTrue();
        assertThat(report.newestCheckpoint()).isEqualTo(4);
        assertThat(report.newestCheckpointAt()).isEqualTo(FIRST.plusSeconds(180));
        assertThat(report.newestCheckpointAgeSeconds()).isEqualTo(20);
        assertThat(report.coveredSeq()).isEqualTo(8);
    }

    @Test
    void aCheckpointDeletedFromEverySourceIsAGap() {
        List<AuditCheckpoint> kept = new ArrayList<>(history(chain, FIRST, 2, 4, 6, 8));
        kept.remove(1);
        kept.remove(1);

        assertThat(reasons(audit(kept, CheckpointPolicy.fromGenesis())))
                .containsExactly("checkpoints 2 to 3 are missing from every source: deleted, or never kept");
    }

    @Test
    void aHistoryWhoseBeginningWasDeletedFailsWithoutAnAnchorAndVerifiesFromOne() {
        List<AuditCheckpoint> all = history(chain, FIRST, 2, 4, 6, 8);
        List<AuditCheckpoint> pruned = all.subList(2, 4);

        assertThat(reasons(audit(pruned, CheckpointPolicy.fromGenesis())))
                .containsExactly("checkpoints 1 to 2 are missing from every source: deleted, or never kept");
        CheckpointHistory.TrustAnchor anchor = CheckpointHistory.TrustAnchor.parse("3:" + all.get(2).checkpointHash());
        assertThat(audit(pruned, new CheckpointPolicy(anchor, null, FIRST)).verified()).isTrue();
        CheckpointHistory.TrustAnchor wrong = new CheckpointHistory.TrustAnchor(3, "c".repeat(64));
        assertThat(reasons(audit(pruned, new CheckpointPolicy(wrong, null, FIRST))).get(0))
                .startsWith("checkpoint 3 is not the pinned trust anchor");
    }

    /**
     * The rewrite of issue 14: the chain is re-hashed from seq 3 on, the checkpoints after it are deleted and the
     * monitor's key signs a new checkpoint of the forged head. The new checkpoint cannot name the deleted one it
     * follows, and re-signing into the old place is a fork.
     */
    @Test
    void aCheckpointSignedAfterARewriteDoesNotExtendTheHistory() {
        List<AuditCheckpoint> genuine = history(chain, FIRST, 2, 4, 6);
        AuditCheckpoint resigned = SIGNER.sign(genuine.get(0).next(8, chain.get(7).hash(), FIRST.plusSeconds(500)));
        AuditCheckpoint intoTheOldPlace = SIGNER.sign(new AuditCheckpoint(RandomChains.CHAIN, 8, chain.get(7).hash(),
                3, genuine.get(1).checkpointHash(), FIRST.plusSeconds(600), SIGNER.keyId(), null));

        assertThat(reasons(audit(List.of(genuine.get(0), resigned, genuine.get(2)), CheckpointPolicy.fromGenesis())))
                .anyMatch(reason -> reason.startsWith("checkpoint 3 does not extend checkpoint 2"));
        assertThat(reasons(audit(List.of(genuine.get(0), genuine.get(1), genuine.get(2), intoTheOldPlace),
                CheckpointPolicy.fromGenesis())))
                .anyMatch(reason -> reason.startsWith("checkpoint 3 was signed 2 times with different contents"));
    }

    @Test
    void aCheckpointBehindItsPredecessorIsACutChainSignedAgain() {
        List<AuditCheckpoint> history = history(chain, FIRST, 6, 3);

        assertThat(reasons(audit(history, CheckpointPolicy.fromGenesis()))).containsExactly(
                "checkpoint 2 vouches for audit seq 3, behind checkpoint 1's seq 6: the chain was cut and signed again");
    }

    @Test
    void theSameCheckpointFromTwoSourcesCountsOnce() {
        List<AuditCheckpoint> history = history(chain, FIRST, 2, 4);
        List<AuditCheckpoint> fromBoth = new ArrayList<>(history);
        fromBoth.addAll(history);

        assertThat(audit(fromBoth, CheckpointPolicy.fromGenesis()).verified()).isTrue();
    }

    @Test
    void aNewestCheckpointOlderThanTheLimitFails() {
        List<AuditCheckpoint> history = history(chain, FIRST, 2, 4);
        Instant newest = FIRST.plusSeconds(60);

        assertThat(audit(history, at(newest.plus(Duration.ofMinutes(14)), Duration.ofMinutes(15))).verified())
                .isTrue();
        assertThat(reasons(audit(history, at(newest.plus(Duration.ofMinutes(16)), Duration.ofMinutes(15)))))
                .singleElement().asString().startsWith("the newest checkpoint (2, " + newest + ") is older than PT15M");
    }

    @Test
    void aChainWithNoCheckpointFailsOnceItIsOlderThanTheLimit() {
        Instant firstRecord = chain.get(0).entry().recordedAt();

        assertThat(audit(List.of(), at(firstRecord.plusSeconds(60), Duration.ofMinutes(15))).verified()).isTrue();
        assertThat(reasons(audit(List.of(), at(firstRecord.plus(Duration.ofHours(1)), Duration.ofMinutes(15)))))
                .singleElement().asString().startsWith("no checkpoint vouches for the chain");
    }

    @Test
    void aTrustAnchorIsParsedStrictly() {
        assertThatThrownBy(() -> CheckpointHistory.TrustAnchor.parse("3:abc"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CHECKPOINT_SEQ:SHA256_HEX");
        assertThatThrownBy(() -> CheckpointHistory.TrustAnchor.parse("x:" + "a".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
