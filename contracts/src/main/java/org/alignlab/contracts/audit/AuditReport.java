package org.alignlab.contracts.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A chain walked against the signed checkpoints published for it: what both the monitor's API and the offline
 * verifier report.
 *
 * @param chain              the walk of the chain itself
 * @param checkpointsChecked how many of this chain's checkpoints were looked at, problems included
 * @param coveredSeq         the highest seq whose stored hash matches a valid checkpoint (0 if none). When the
 *                           chain also walks clean, every record up to it is as the monitor signed it; records
 *                           after it rest on the database alone until the next checkpoint
 * @param checkpointProblems checkpoints that failed, the checkpoint history's gaps and forks, and a newest
 *                           checkpoint too old, in seq order
 * @param newestCheckpoint   the place of the newest validly signed checkpoint in the history, 0 if none
 * @param newestCheckpointAt when it was signed, null if none
 * @param newestCheckpointAgeSeconds how old it was when the verification ran, null if none
 */
public record AuditReport(ChainVerification chain, int checkpointsChecked, long coveredSeq,
        List<CheckpointProblem> checkpointProblems, long newestCheckpoint, Instant newestCheckpointAt,
        Long newestCheckpointAgeSeconds) {

    public AuditReport {
        checkpointProblems = List.copyOf(checkpointProblems);
    }

    /** True only when every record checks out and no checkpoint disagrees. */
    @JsonProperty("verified")
    public boolean verified() {
        return chain.verified() && checkpointProblems.isEmpty();
    }
}
