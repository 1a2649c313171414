package org.alignlab.monitor.gate;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class VerdictRepository implements PanacheRepositoryBase<StoredVerdict, UUID> {

    /** Which of these actions already have a verdict. */
    public Set<UUID> decided(Collection<UUID> actionIds) {
        if (actionIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(getEntityManager()
                .createQuery("select v.actionId from StoredVerdict v where v.actionId in :ids", UUID.class)
                .setParameter("ids", actionIds).getResultList());
    }

    /** The newest {@code limit} verdicts, oldest first. */
    List<StoredVerdict> newest(int limit) {
        List<StoredVerdict> oldestFirst = new ArrayList<>(
                findAll(Sort.descending("decidedAt")).range(0, limit - 1).list());
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }
}
