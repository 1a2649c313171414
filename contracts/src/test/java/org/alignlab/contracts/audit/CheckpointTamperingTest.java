package org.alignlab.contracts.audit;

import static org.alignlab.contracts.audit.Checkpoints.audit;
import static org.alignlab.contracts.audit.Checkpoints.signedAt;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.alignlab.contracts.testing.Trials;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the walk alone cannot catch, a signed checkpoint published outside the database does: a chain cut short, and
 * a chain rewritten consistently by a holder of the monitor's key, who can re-sign every record it re-hashes.
 * Without the key, the walk names the rewritten record itself ({@link ChainTamperingTest}).
 */
class CheckpointTamperingTest {

    /** Fewer trials than the walk's properties: every trial signs and verifies with the JDK's (slow) Ed25519. */
    private static final int TRIALS = 50;

    static LongStream seeds() {
        return Trials.seeds(TRIALS);
    }

    @ParameterizedTest(name = Trials.NAME)
    @MethodSource("seeds")
    void aConsistentRewriteIsCaughtByEveryCheckpointAtOrAfterIt(long seed) {
        Trials.check(seed, CheckpointTamperingTest::rewrite, rewrite -> {
            List<ChainLink> rewritten = rewrite.apply();
            long checkpointSeq = rewrite.checkpointSeq();

            AuditReport report = audit(rewritten, List.of(signedAt(rewrite.chain(), checkpointSeq)));

            assertThat(report.chain().verified()).as("a consistent rewrite walks clean").isTrue();
            assertThat(report.checkpointsChecked()).isEqualTo(1);
            if (rewrite.position() + 1 <= checkpointSeq) {
                assertThat(report.verified()).isFalse();
                assertThat(report.checkpointProblems()).singleElement().satisfies(problem -> {
                    assertThat(problem.seq()).isEqualTo(checkpointSeq);
                    assertThat(problem.reason())
                            .startsWith("checkpoint disagrees with the database at seq " + checkpointSeq + ":");
                });
            } else {
                // Records after the last checkpoint rest on the monitor's key alone: the window the docs describe.
                assertThat(report.verified()).isTrue();
                assertThat(report.coveredSeq()).isEqualTo(checkpointSeq);
            }
        });
    }

    @ParameterizedTest(name = Trials.NAME)
    @MethodSource("seeds")
    void cuttingTheChainShortIsCaughtByACheckpointPastItsNewEnd(long seed) {
        Trials.check(seed, CheckpointTamperingTest::cut, cut -> {
            List<ChainLink> kept = cut.chain().subList(0, cut.kept());

            AuditReport report = audit(kept, List.of(signedAt(cut.chain(), cut.checkpointSeq())));

            assertThat(report.chain().verified()).as("a shorter chain is still a valid chain").isTrue();
            assertThat(report.verified()).isFalse();
            assertThat(report.checkpointProblems()).containsExactly(new CheckpointProblem(cut.checkpointSeq(),
                    "checkpoint at seq " + cut.checkpointSeq() + " but the chain ends at seq " + cut.kept()));
        });
    }

    @ParameterizedTest(name = Trials.NAME)
    @MethodSource("seeds")
    void deletingACheckpointedRecordIsReportedAtItsSeq(long seed) {
        Trials.check(seed, CheckpointTamperingTest::cut, cut -> {
            List<ChainLink> tampered = new ArrayList<>(cut.chain());
            long deletedSeq = cut.checkpointSeq();
            tampered.remove((int) deletedSeq - 1);

            AuditReport report = audit(tampered, List.of(signedAt(cut.chain(), deletedSeq)));

            assertThat(report.verified()).isFalse();
            String reason = deletedSeq == cut.chain().size()
                    ? "checkpoint at seq " + deletedSeq + " but the chain ends at seq " + (deletedSeq - 1)
                    : "checkpoint at seq " + deletedSeq + " but the database has no record at seq " + deletedSeq;
            assertThat(report.checkpointProblems()).containsExactly(new CheckpointProblem(deletedSeq, reason));
        });
    }

    @ParameterizedTest(name = Trials.NAME)
    @MethodSource("seeds")
    void checkpointsOfAnIntactChainAllMatch(long seed) {
        Trials.check(seed, CheckpointTamperingTest::cut, cut -> {
            List<ChainLink> chain = cut.chain();
            AuditReport report = audit(chain, List.of(signedAt(chain, cut.checkpointSeq()), signedAt(chain, 1)));

            assertThat(report.verified()).isTrue();
            assertThat(report.checkpointsChecked()).isEqualTo(2);
            assertThat(report.coveredSeq()).isEqualTo(cut.checkpointSeq());
        });
    }

    /** One record's content replaced by different content, and a checkpoint on any record. */
    static Rewrite rewrite(Random random) {
        List<ChainLink> chain = RandomChains.chain(random, 1);
        int position = random.nextInt(chain.size());
        long checkpointSeq = random.nextInt(chain.size()) + 1L;
        ChainEntry content;
        do {
            content = RandomChains.entry(random);
        } while (sameContent(content, chain.get(position).entry()));
        return new Rewrite(chain, position, content, checkpointSeq);
    }

    /** A chain, how many of its records survive, and a checkpoint on one of the records cut off. */
    static Cut cut(Random random) {
        List<ChainLink> chain = RandomChains.chain(random, 1);
        int kept = random.nextInt(chain.size());
        return new Cut(chain, kept, random.nextLong(kept + 1, chain.size() + 1));
    }

    private static boolean sameContent(ChainEntry content, ChainEntry entry) {
        return RandomChains.with(RandomChains.with(content, "seq", entry.seq()), "prevHash", entry.prevHash())
                .equals(entry);
    }

    /** One record's content replaced and every record from it on re-hashed and re-signed with the monitor's key. */
    record Rewrite(List<ChainLink> chain, int position, ChainEntry content, long checkpointSeq) {

        List<ChainLink> apply() {
            List<ChainEntry> contents = new ArrayList<>(chain.stream().map(ChainLink::entry).toList());
            contents.set(position, content);
            return RandomChains.link(contents);
        }
    }

    record Cut(List<ChainLink> chain, int kept, long checkpointSeq) {
    }
}
