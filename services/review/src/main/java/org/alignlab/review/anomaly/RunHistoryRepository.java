package org.alignlab.review.anomaly;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RunHistoryRepository implements PanacheRepositoryBase<RunHistory, UUID> {

    /**
     * The latest {@code limit} runs of a configuration that count as history: neither anomalous themselves nor
     * quarantined by the re-execution audit.
     */
    public List<RunHistory> history(String configuration, int limit) {
        return find("from RunHistory h where h.configuration = ?1 and h.anomalous = false and not exists "
                + "(select q.actionId from QuarantinedResult q where q.actionId = h.actionId) "
                + "order by h.recordedAt desc", configuration)
                .page(0, limit).list();
    }

    /** The anomalous runs among {@code actionIds}. */
    public List<RunHistory> anomalousAmong(Collection<UUID> actionIds) {
        if (actionIds.isEmpty()) {
            return List.of();
        }
        return list("actionId in ?1 and anomalous = true", actionIds);
    }
}
