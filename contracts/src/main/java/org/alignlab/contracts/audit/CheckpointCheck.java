package org.alignlab.contracts.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.alignlab.contracts.crypto.TicketVerifier;
import org.alignlab.contracts.events.AuditCheckpoint;

/**
 * Holds a chain to the checkpoints the monitor signed for it. The chain alone cannot catch someone who rewrites
 * it consistently (recomputing every later hash) or cuts records off its end; a checkpoint can, because it was
 * published outside the database and signed with a key the database never held. Fed the same records, in seq
 * order, as {@link ChainVerifier}.
 */
public final class CheckpointCheck {

    private final TicketVerifier verifier;
    private final Map<Long, List<AuditCheckpoint>> awaiting = new TreeMap<>();
    private final List<AuditCheckpoint> valid = new ArrayList<>();
    private final List<CheckpointProblem> problems = new ArrayList<>();
    private int checked;
    private long lastSeq;
    private long coveredSeq;

    /** Checkpoints of other chains are not this chain's to judge and are left out. */
    public CheckpointCheck(String chain, TicketVerifier verifier, Collection<AuditCheckpoint> checkpoints) {
        this.verifier = verifier;
        for (AuditCheckpoint checkpoint : checkpoints) {
            if (!chain.equals(checkpoint.chain())) {
                continue;
            }
            checked++;
            Objects.requireNonNull(verifier, "checkpoints need the monitor's public key");
            if (verifier.verify(checkpoint)) {
                valid.add(checkpoint);
                awaiting.computeIfAbsent(checkpoint.seq(), seq -> new ArrayList<>()).add(checkpoint);
            } else {
                problems.add(new CheckpointProblem(checkpoint.seq(), signatureProblem(checkpoint)));
            }
        }
    }

    /** Compares the record with the checkpoints signed at its seq. */
    public void accept(ChainLink link) {
        long seq = link.entry().seq();
        lastSeq = Math.max(lastSeq, seq);
        List<AuditCheckpoint> signed = awaiting.remove(seq);
        if (signed == null) {
            return;
        }
        for (AuditCheckpoint checkpoint : signed) {
            if (checkpoint.hash().equals(link.hash())) {
                coveredSeq = Math.max(coveredSeq, seq);
            } else {
                problems.add(new CheckpointProblem(seq, "checkpoint disagrees with the database at seq " + seq
                        + ": signed hash " + checkpoint.hash() + ", stored hash " + link.hash()));
            }
        }
    }

    /** Every problem found so far, counting checkpoints whose record never came as missing. */
    public List<CheckpointProblem> problems() {
        List<CheckpointProblem> all = new ArrayList<>(problems);
        awaiting.forEach((seq, signed) -> signed.forEach(checkpoint -> all.add(new CheckpointProblem(seq,
                seq > lastSeq
                        ? "checkpoint at seq " + seq + " but the chain ends at seq " + lastSeq
                        : "checkpoint at seq " + seq + " but the database has no record at seq " + seq))));
        all.sort(Comparator.comparingLong(CheckpointProblem::seq));
        return all;
    }

    /** This chain's checkpoints whose signatures verify. */
    public List<AuditCheckpoint> valid() {
        return List.copyOf(valid);
    }

    /** How many of this chain's checkpoints were looked at. */
    public int checked() {
        return checked;
    }

    /** The highest seq whose record matched a valid checkpoint, 0 if none did. */
    public long coveredSeq() {
        return coveredSeq;
    }

    private String signatureProblem(AuditCheckpoint checkpoint) {
        if (!verifier.keyId().equals(checkpoint.keyId())) {
            return "checkpoint at seq " + checkpoint.seq() + " is signed by key " + checkpoint.keyId()
                    + ", not by the monitor's key " + verifier.keyId();
        }
        return "checkpoint at seq " + checkpoint.seq() + " has a signature that does not verify: forged or altered";
    }
}
