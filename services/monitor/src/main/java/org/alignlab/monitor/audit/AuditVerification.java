package org.alignlab.monitor.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.alignlab.contracts.audit.AuditReport;
import org.alignlab.contracts.audit.ChainAudit;
import org.alignlab.contracts.events.AuditCheckpoint;
import org.alignlab.monitor.tickets.SigningKeys;

/**
 * Verifies the stored chain against itself and against the signed checkpoints on Kafka, streaming the records
 * through {@link ChainAudit} page by page so memory stays flat however long the chain grows.
 */
@ApplicationScoped
public class AuditVerification {

    static final int PAGE_SIZE = 500;

    @Inject
    AuditRecordRepository records;
    @Inject
    CheckpointReader checkpoints;
    @Inject
    SigningKeys keys;

    /** Reads the checkpoints first: a record appended meanwhile is simply beyond the newest checkpoint. */
    public AuditReport verify(String chain) {
        List<AuditCheckpoint> published = checkpoints.readAll();
        return walk(new ChainAudit(chain, keys.verifier(), published), chain);
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
