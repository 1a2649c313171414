package org.alignlab.contracts.audit;

import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alignlab.contracts.crypto.TicketVerifier;
import org.alignlab.contracts.events.AuditCheckpoint;

/**
 * One walk of a chain for all checks: the records against each other ({@link ChainVerifier}), against the signed
 * checkpoints ({@link CheckpointCheck}), and the checkpoints against their own history ({@link CheckpointHistory})
 * and age. Fed one record at a time, in seq order, so a long chain can be streamed from the database in pages.
 */
public final class ChainAudit {

    private final ChainVerifier chain;
    private final CheckpointCheck checkpoints;
    private final CheckpointPolicy policy;
    private final boolean checkpointsRead;
    private Instant firstRecordAt;

    /**
     * @param verifier holds the monitor's public key, which every record and checkpoint must be signed with
     */
    public ChainAudit(String chain, TicketVerifier verifier, Collection<AuditCheckpoint> checkpoints,
            CheckpointPolicy policy) {
        this(chain, verifier, checkpoints, policy, Map.of());
    }

    /**
     * @param originKeys per actor whose records must also carry its own signature, its public key (see
     *                   {@link RecordSignatures})
     */
    public ChainAudit(String chain, TicketVerifier verifier, Collection<AuditCheckpoint> checkpoints,
            CheckpointPolicy policy, Map<String, PublicKey> originKeys) {
        this(chain, verifier, checkpoints, policy, true, originKeys);
    }

    /** From checkpoint 1 and without an age limit. */
    public ChainAudit(String chain, TicketVerifier verifier, Collection<AuditCheckpoint> checkpoints) {
        this(chain, verifier, checkpoints, CheckpointPolicy.fromGenesis());
    }

    private ChainAudit(String chain, TicketVerifier verifier, Collection<AuditCheckpoint> checkpoints,
            CheckpointPolicy policy, boolean checkpointsRead, Map<String, PublicKey> originKeys) {
        this.chain = new ChainVerifier(chain, verifier, originKeys);
        this.checkpoints = new CheckpointCheck(chain, verifier, checkpoints);
        this.policy = policy;
        this.checkpointsRead = checkpointsRead;
    }

    /**
     * A walk with no checkpoints to hold the chain to: it catches changed, missing, reordered and unsigned records,
     * but not a chain cut short, nor one rewritten by a holder of the monitor's key.
     */
    public static ChainAudit withoutCheckpoints(String chain, TicketVerifier verifier) {
        return withoutCheckpoints(chain, verifier, Map.of());
    }

    /** Without checkpoints, but holding the records of each actor in {@code originKeys} to its signature too. */
    public static ChainAudit withoutCheckpoints(String chain, TicketVerifier verifier,
            Map<String, PublicKey> originKeys) {
        return new ChainAudit(chain, verifier, List.of(), CheckpointPolicy.fromGenesis(), false, originKeys);
    }

    public void accept(ChainLink link) {
        if (firstRecordAt == null) {
            firstRecordAt = link.entry().recordedAt();
        }
        chain.accept(link);
        checkpoints.accept(link);
    }

    public AuditReport report() {
        List<AuditCheckpoint> valid = checkpoints.valid();
        List<CheckpointProblem> problems = new ArrayList<>(checkpoints.problems());
        if (policy.walkHistory()) {
            problems.addAll(CheckpointHistory.check(valid, policy.anchor()));
        }
        AuditCheckpoint newest = valid.stream().max(Comparator.comparingLong(AuditCheckpoint::checkpointSeq))
                .orElse(null);
        if (checkpointsRead && policy.maxAge() != null) {
            ageProblem(newest).ifPresent(problems::add);
        }
        problems.sort(Comparator.comparingLong(CheckpointProblem::seq));
        return new AuditReport(chain.result(), checkpoints.checked(), checkpoints.coveredSeq(), problems,
                newest == null ? 0 : newest.checkpointSeq(), newest == null ? null : newest.createdAt(),
                newest == null ? null : Duration.between(newest.createdAt(), policy.now()).toSeconds());
    }

    /** A newest checkpoint older than the policy allows, or none at all while the chain is that old. */
    private Optional<CheckpointProblem> ageProblem(AuditCheckpoint newest) {
        Instant limit = policy.now().minus(policy.maxAge());
        if (newest == null) {
            return firstRecordAt != null && firstRecordAt.isBefore(limit)
                    ? Optional.of(new CheckpointProblem(0, "no checkpoint vouches for the chain, whose "
                            + "first record is older than " + policy.maxAge() + ": checkpoints deleted, or the "
                            + "monitor stopped signing"))
                    : Optional.empty();
        }
        return newest.createdAt().isBefore(limit)
                ? Optional.of(new CheckpointProblem(newest.seq(), "the newest checkpoint ("
                        + newest.checkpointSeq() + ", " + newest.createdAt() + ") is older than " + policy.maxAge()
                        + ": the monitor stopped signing, or newer checkpoints were deleted"))
                : Optional.empty();
    }
}
