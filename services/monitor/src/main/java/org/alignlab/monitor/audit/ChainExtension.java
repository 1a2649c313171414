package org.alignlab.monitor.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.alignlab.contracts.audit.ChainLink;
import org.alignlab.contracts.events.AuditCheckpoint;

/**
 * Re-verifies, before the monitor signs a new checkpoint, the records from its last checkpoint to the head it is
 * about to sign: the checkpointed record must still hold the hash that was signed, and every record after it must
 * hash correctly and name its predecessor. Otherwise the head was reached by rewriting or cutting history, and
 * signing it would lend the monitor's key to the rewrite.
 */
@ApplicationScoped
public class ChainExtension {

    static final int PAGE_SIZE = 500;

    @Inject
    AuditRecordRepository records;

    /** Why {@code headSeq}/{@code headHash} does not extend {@code last}, or empty when it does. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> problem(AuditCheckpoint last, long headSeq, String headHash) {
        if (headSeq < last.seq()) {
            return Optional.of("the chain's head is at seq " + headSeq + ", behind checkpoint "
                    + last.checkpointSeq() + " at seq " + last.seq() + ": records were cut off");
        }
        long expected = last.seq();
        String previousHash = null;
        List<AuditRecord> page;
        do {
            page = records.pageAfter(last.chain(), expected - 1, PAGE_SIZE);
            for (AuditRecord record : page) {
                if (record.seq() > headSeq) {
                    break;
                }
                ChainLink link = record.link();
                if (record.seq() != expected) {
                    return Optional.of("record " + expected + " is missing");
                }
                if (!link.entry().computeHash().equals(link.hash())) {
                    return Optional.of("record " + expected + " does not hash to its stored hash: changed");
                }
                if (previousHash == null && !link.hash().equals(last.hash())) {
                    return Optional.of("record " + expected + " no longer holds the hash checkpoint "
                            + last.checkpointSeq() + " signed: rewritten");
                }
                if (previousHash != null && !previousHash.equals(link.entry().prevHash())) {
                    return Optional.of("record " + expected + " does not follow record " + (expected - 1));
                }
                previousHash = link.hash();
                expected++;
            }
            records.getEntityManager().clear();
        } while (page.size() == PAGE_SIZE && expected <= headSeq);
        if (expected - 1 != headSeq || previousHash == null || !previousHash.equals(headHash)) {
            return Optional.of("the head (seq " + headSeq + ") is not the last record the chain holds (seq "
                    + (expected - 1) + ")");
        }
        return Optional.empty();
    }
}
