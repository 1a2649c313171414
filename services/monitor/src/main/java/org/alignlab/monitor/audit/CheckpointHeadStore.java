package org.alignlab.monitor.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The {@code checkpoint_head} row: the newest checkpoint signed for a chain, as JSON. Locking it serialises the
 * replicas that sign, so each extends what the other signed and the history never forks.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CheckpointHeadStore {

    @Inject
    EntityManager entityManager;

    /** Locks the chain's row for the rest of the transaction and returns what it holds (empty before the first). */
    public Optional<String> lockAndRead(String chain) {
        @SuppressWarnings("unchecked")
        List<String> rows = entityManager
                .createNativeQuery("SELECT checkpoint FROM {h-schema}checkpoint_head WHERE chain = ?1 FOR UPDATE")
                .setParameter(1, chain).getResultList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("audit chain '" + chain + "' has no checkpoint_head row; migrations?");
        }
        return Optional.ofNullable(rows.get(0));
    }

    public void save(String chain, String checkpointJson) {
        entityManager.createNativeQuery("UPDATE {h-schema}checkpoint_head SET checkpoint = ?1 WHERE chain = ?2")
                .setParameter(1, checkpointJson).setParameter(2, chain).executeUpdate();
    }
}
