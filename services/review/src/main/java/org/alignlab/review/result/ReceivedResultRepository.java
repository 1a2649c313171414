package org.alignlab.review.result;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ReceivedResultRepository implements PanacheRepositoryBase<ReceivedResult, UUID> {

    public List<ReceivedResult> listByGoal(UUID goalId) {
        return list("goalId", goalId);
    }

    /** Results older than {@code cutoff} whose action review has never seen and that no review covers. */
    public List<ReceivedResult> orphansBefore(Instant cutoff) {
        return list("from ReceivedResult r where r.receivedAt < ?1 and not exists (select t.actionId from "
                + "TrackedAction t where t.actionId = r.actionId and (t.actionJson is not null or t.claimId is not null))",
                cutoff);
    }
}
