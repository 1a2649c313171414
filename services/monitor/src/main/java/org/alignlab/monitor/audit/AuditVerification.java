package org.alignlab.monitor.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.alignlab.contracts.audit.AuditReport;
import org.alignlab.contracts.audit.ChainAudit;
import org.alignlab.contracts.audit.CheckpointPolicy;
import org.alignlab.contracts.events.AuditCheckpoint;
import org.alignlab.monitor.config.MonitorConfig;
import org.alignlab.monitor.tickets.SigningKeys;

/**
 * Verifies the stored chain against itself and against the signed checkpoints on Kafka and in the witness (their
 * history walked from checkpoint 1, the newest no older than {@code alignlab.monitor.checkpoints.max-age}),
 * streaming the records through {@link ChainAudit} page by page so memory stays flat however long the chain grows.
 */
@ApplicationScoped
public class AuditVerification {

    static final int PAGE_SIZE = 500;

    @Inject
    AuditRecordRepository records;
    @Inject
    CheckpointReader checkpoints;
    @Inject
    CheckpointWitness witness;
    @Inject
    SigningKeys keys;
    @Inject
    MonitorConfig config;
    @Inject
    ExecutorKey executorKey;

    /** Reads the checkpoints first: a record appended meanwhile is simply beyond the newest checkpoint. */
    public AuditReport verify(String chain) {
        List<AuditCheckpoint> published = new ArrayList<>(checkpoints.readAll());
        published.addAll(witness.readAll(chain));
        CheckpointPolicy policy = new CheckpointPolicy(null, config.checkpoints().maxAge(), Instant.now());
        return walk(new ChainAudit(chain, keys.verifier(), published, policy, executorKey.originKeys()), chain);
    }

    @Transactional
    AuditReport walk(ChainAudit audit, String chain) {
        // From the very bottom, so a record slipped in below seq 1 is walked and reported too.
        long afterSeq = Long.MIN_VALUE;
        List<AuditRecord> page;
        do {
            page = records.pageAfter(chain, afterSeq, PAGE_SIZE);
            for (AuditRecord record : page) {
                audit.accept(record.link());
                afterSeq = record.seq();
            }
            records.getEntityManager().clear();
        } while (page.size() == PAGE_SIZE);
        return audit.report();
    }
}
