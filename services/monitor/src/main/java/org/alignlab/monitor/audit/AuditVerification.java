package org.alignlab.monitor.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Verifies a stored chain by streaming it through {@link ChainVerifier} page by page. */
@ApplicationScoped
public class AuditVerification {

    static final int PAGE_SIZE = 500;

    private final AuditRecordRepository records;

    AuditVerification(AuditRecordRepository records) {
        this.records = records;
    }

    @Transactional
    public ChainVerification verify(String chain) {
        ChainVerifier verifier = new ChainVerifier(chain);
        // From the very bottom, so a record slipped in below seq 1 is walked and reported too.
        long afterSeq = Long.MIN_VALUE;
        List<AuditRecord> page;
        do {
            page = records.pageAfter(chain, afterSeq, PAGE_SIZE);
            for (AuditRecord record : page) {
                verifier.accept(record.link());
                afterSeq = record.seq();
            }
            // Keeps memory flat however long the chain grows.
            records.getEntityManager().clear();
        } while (page.size() == PAGE_SIZE);
        return verifier.result();
    }
}
