package org.alignlab.monitor.holds;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.alignlab.contracts.events.RuleHit;
import org.alignlab.contracts.events.Verdict;

/**
 * One entry of the review queue: the hold and the scores it was held with.
 *
 * @param contentHash the stored action's hash, which an approval quotes
 */
public record HeldActionResponse(
        UUID actionId,
        UUID goalId,
        String contentHash,
        Instant heldAt,
        long ageSeconds,
        HeldAction.Status status,
        double suspicion,
        Double modelScore,
        List<RuleHit> ruleHits,
        long auditSeq) {

    static HeldActionResponse of(HeldAction hold, String contentHash, Verdict held, Instant now) {
        return new HeldActionResponse(hold.actionId(), hold.goalId(), contentHash, hold.heldAt(),
                Math.max(0, Duration.between(hold.heldAt(), now).toSeconds()), hold.status(), held.suspicion(),
                held.modelScore(), held.ruleHits(), hold.auditSeq());
    }
}
