package org.alignlab.monitor.audit;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AuditRecordRepository implements PanacheRepositoryBase<AuditRecord, AuditRecord.Key> {

    /** Up to {@code limit} records of a chain after {@code afterSeq}, in seq order (keyset paging). */
    public List<AuditRecord> pageAfter(String chain, long afterSeq, int limit) {
        return find("chain = ?1 and seq > ?2", Sort.by("seq"), chain, afterSeq).range(0, limit - 1).list();
    }

    /** The action's ACTION_PROPOSED record: the hash of the action as the gate received it. */
    public Optional<AuditRecord> proposalOf(UUID actionId) {
        return find("actionId = ?1 and type = ?2", Sort.by("chain").and("seq"), actionId, AuditLog.ACTION_PROPOSED)
                .firstResultOptional();
    }

    /** The records about an action and/or a goal (either may be null, not both), in chain order. */
    public List<AuditRecord> about(UUID actionId, UUID goalId) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (actionId != null) {
            conditions.add("actionId = :actionId");
            parameters.and("actionId", actionId);
        }
        if (goalId != null) {
            conditions.add("goalId = :goalId");
            parameters.and("goalId", goalId);
        }
        return find(String.join(" and ", conditions), Sort.by("chain").and("seq"), parameters).list();
    }
}
