package org.alignlab.contracts.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.alignlab.contracts.events.AuditCheckpoint;

/**
 * Walks the checkpoints' own chain: from checkpoint 1 (or from a pinned trust anchor) every checkpoint must be
 * there and name its predecessor's hash, and no two may claim the same place. A checkpoint deleted from Kafka and
 * from the witness, or one re-signed after a rewrite, leaves a gap or a link that does not hold; two different
 * checkpoints in one place mean the signing key forked the history. Fed only checkpoints whose signatures were
 * already checked, from every source at once (a checkpoint kept by only one source still counts).
 */
public final class CheckpointHistory {

    /**
     * A checkpoint a verifier trusts without walking back to checkpoint 1 (history before it may have been pruned).
     *
     * @param checkpointHash {@link AuditCheckpoint#checkpointHash()} of the checkpoint at {@code checkpointSeq}
     */
    public record TrustAnchor(long checkpointSeq, String checkpointHash) {

        /** Parses {@code CHECKPOINT_SEQ:HASH}. */
        public static TrustAnchor parse(String text) {
            String[] parts = text.split(":", 2);
            try {
                if (parts.length == 2 && parts[1].matches("[0-9a-f]{64}")) {
                    return new TrustAnchor(Long.parseLong(parts[0]), parts[1]);
                }
            } catch (NumberFormatException e) {
                // falls through to the one message
            }
            throw new IllegalArgumentException("a trust anchor is CHECKPOINT_SEQ:SHA256_HEX, not '" + text + "'");
        }
    }

    private CheckpointHistory() {
    }

    /**
     * The problems of a history, each named by the audit seq of the checkpoint it concerns (0 when the checkpoint
     * is missing altogether).
     *
     * @param anchor null to require the history from checkpoint 1
     */
    public static List<CheckpointProblem> check(Collection<AuditCheckpoint> signed, TrustAnchor anchor) {
        List<CheckpointProblem> problems = new ArrayList<>();
        TreeMap<Long, List<AuditCheckpoint>> byPlace = new TreeMap<>();
        for (AuditCheckpoint checkpoint : signed) {
            List<AuditCheckpoint> atPlace = byPlace.computeIfAbsent(checkpoint.checkpointSeq(), k -> new ArrayList<>());
            if (atPlace.stream().noneMatch(c -> c.checkpointHash().equals(checkpoint.checkpointHash()))) {
                atPlace.add(checkpoint);
            }
        }
        byPlace.forEach((place, atPlace) -> {
            if (atPlace.size() > 1) {
                problems.add(new CheckpointProblem(atPlace.get(0).seq(), "checkpoint " + place + " was signed "
                        + atPlace.size() + " times with different contents (audit seqs " + atPlace.stream()
                                .map(c -> String.valueOf(c.seq())).collect(Collectors.joining(", "))
                        + "): whoever holds the monitor's key forked the history"));
            }
        });
        if (byPlace.isEmpty()) {
            return problems;
        }
        long start = anchor == null ? 1 : anchor.checkpointSeq();
        long newest = byPlace.lastKey();
        AuditCheckpoint previous = null;
        long missingFrom = -1;
        for (long place = start; place <= newest; place++) {
            List<AuditCheckpoint> atPlace = byPlace.get(place);
            if (atPlace == null) {
                missingFrom = missingFrom < 0 ? place : missingFrom;
                previous = null;
                continue;
            }
            AuditCheckpoint current = atPlace.get(0);
            if (missingFrom >= 0) {
                problems.add(new CheckpointProblem(0, missing(missingFrom, place - 1)));
                missingFrom = -1;
            }
            if (place == start) {
                checkStart(current, anchor, problems);
            } else if (previous != null) {
                checkLink(previous, current, problems);
            }
            previous = current;
        }
        if (missingFrom >= 0) {
            problems.add(new CheckpointProblem(0, missing(missingFrom, newest)));
        }
        problems.sort(Comparator.comparingLong(CheckpointProblem::seq));
        return problems;
    }

    private static void checkStart(AuditCheckpoint first, TrustAnchor anchor, List<CheckpointProblem> problems) {
        if (anchor != null && !anchor.checkpointHash().equals(first.checkpointHash())) {
            problems.add(new CheckpointProblem(first.seq(), "checkpoint " + first.checkpointSeq()
                    + " is not the pinned trust anchor: hash " + first.checkpointHash() + ", pinned "
                    + anchor.checkpointHash()));
        } else if (anchor == null && !AuditCheckpoint.GENESIS.equals(first.previousHash())) {
            problems.add(new CheckpointProblem(first.seq(),
                    "checkpoint 1 names a predecessor: the history does not begin here"));
        }
    }

    private static void checkLink(AuditCheckpoint previous, AuditCheckpoint current,
            List<CheckpointProblem> problems) {
        if (!previous.checkpointHash().equals(current.previousHash())) {
            problems.add(new CheckpointProblem(current.seq(), "checkpoint " + current.checkpointSeq()
                    + " does not extend checkpoint " + previous.checkpointSeq()
                    + ": one of them was re-signed or replaced"));
        }
        if (current.seq() < previous.seq()) {
            problems.add(new CheckpointProblem(current.seq(), "checkpoint " + current.checkpointSeq()
                    + " vouches for audit seq " + current.seq() + ", behind checkpoint " + previous.checkpointSeq()
                    + "'s seq " + previous.seq() + ": the chain was cut and signed again"));
        }
    }

    private static String missing(long from, long to) {
        return (from == to ? "checkpoint " + from + " is" : "checkpoints " + from + " to " + to + " are")
                + " missing from every source: deleted, or never kept";
    }
}
