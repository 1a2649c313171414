package org.alignlab.review.result;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class QuarantinedResultRepository implements PanacheRepositoryBase<QuarantinedResult, UUID> {

    /** Which of {@code actionIds} are quarantined, each with the mismatch the executor reported. */
    public Map<UUID, String> among(Collection<UUID> actionIds) {
        if (actionIds.isEmpty()) {
            return Map.of();
        }
        List<QuarantinedResult> found = list("actionId in ?1", actionIds);
        return found.stream().collect(Collectors.toMap(q -> q.actionId, q -> q.detail));
    }
}
