package org.alignlab.monitor.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.alignlab.contracts.audit.ChainLink;
import org.alignlab.contracts.audit.ChainVerifier;
import org.alignlab.contracts.audit.RecordSignatures;
import org.alignlab.contracts.events.AuditCheckpoint;
import org.alignlab.monitor.tickets.SigningKeys;

/**
 * Re-verifies, before the monitor signs a new checkpoint, the records from its last checkpoint to the head it is
 * about to sign: the checkpointed record must still hold the hash that was signed, and every record after it must
 * hash correctly, name its predecessor and carry the monitor's signature (and the executor's, for what the executor
 * reported). Otherwise the head was reached by rewriting or cutting history, or by records written without the
 * monitor's key, and signing it would lend the monitor's key to them. Before the first checkpoint, the whole chain.
 */
@ApplicationScoped
public class ChainExtension {

    static final int PAGE_SIZE = 500;

    @Inject
    AuditRecordRepository records;
    @Inject
    SigningKeys keys;
    @Inject
    ExecutorKey executorKey;

    /**
     * Why {@code headSeq}/{@code headHash} does not extend {@code last}, or empty when it does.
     *
     * @param last the newest checkpoint signed, or null when none was: the head must then extend the chain's start
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> problem(AuditCheckpoint last, long headSeq, String headHash) {
        if (last != null && headSeq < last.seq()) {
            return Optional.of("the chain's head is at seq " + headSeq + ", behind checkpoint "
                    + last.checkpointSeq() + " at seq " + last.seq() + ": records were cut off");
        }
        RecordSignatures signatures = new RecordSignatures(keys.verifier(), executorKey.originKeys());
        String chain = last == null ? AuditLog.MAIN : last.chain();
        long expected = last == null ? 1 : last.seq();
        // From the very bottom before the first checkpoint, so a record slipped in below seq 1 is refused too.
        long afterSeq = last == null ? Long.MIN_VALUE : expected - 1;
        // Null while the checkpointed record itself is next: its checkpoint vouches for it.
        String previousHash = last == null ? ChainVerifier.GENESIS_HASH : null;
        List<AuditRecord> page;
        do {
            page = records.pageAfter(chain, afterSeq, PAGE_SIZE);
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
                if (previousHash == null) {
                    if (!link.hash().equals(last.hash())) {
                        return Optional.of("record " + expected + " no longer holds the hash checkpoint "
                                + last.checkpointSeq() + " signed: rewritten");
                    }
                } else {
                    if (!previousHash.equals(link.entry().prevHash())) {
                        return Optional.of("record " + expected + " does not follow record " + (expected - 1));
                    }
                    String unsigned = signatures.problem(link.entry());
                    if (unsigned != null) {
                        return Optional.of("record " + expected + ": " + unsigned);
                    }
                }
                previousHash = link.hash();
                afterSeq = expected;
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
