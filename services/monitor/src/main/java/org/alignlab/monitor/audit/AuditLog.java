package org.alignlab.monitor.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.alignlab.contracts.audit.ChainEntry;
import org.alignlab.monitor.tickets.SigningKeys;

/**
 * Appends records to the hash chain. Appends join the caller's transaction and are serialised per chain: the
 * first append of a transaction locks the chain's head row, later ones reuse the lock, so a batch of decisions
 * costs one lock and one synchronous commit. Every record is signed with the monitor's key before it is hashed
 * (over its whole content, seq and prev hash included), so a record written with the database's credentials alone
 * fails verification, and so does a signed one changed afterwards.
 */
@ApplicationScoped
public class AuditLog {

    /** The one chain for now; the name is part of every record so more chains can follow. */
    public static final String MAIN = "main";
    /** The actor of records the monitor writes itself. */
    public static final String MONITOR = "monitor";
    /** The actor of records reported on {@code audit.events}, which only the executor publishes today. */
    public static final String EXECUTOR = "executor";
    public static final String ACTION_PROPOSED = "ACTION_PROPOSED";
    public static final String VERDICT = "VERDICT";
    /** A reviewer approved or denied a held action. */
    public static final String HUMAN_DECISION = "HUMAN_DECISION";
    /** A held action nobody decided in time got the configured timeout outcome. */
    public static final String REVIEW_TIMEOUT = "REVIEW_TIMEOUT";
    /** A reviewer's approval was refused: the stored action is not the content proposed and approved. */
    public static final String APPROVAL_REFUSED = "APPROVAL_REFUSED";

    private static final Object LOCKED_HEAD = AuditLog.class.getName() + ".head";

    @Inject
    AuditHeadRepository heads;
    @Inject
    AuditRecordRepository records;
    @Inject
    Event<AuditAppended> appended;
    @Inject
    TransactionSynchronizationRegistry transaction;
    @Inject
    SigningKeys keys;

    /** Appends one record to {@link #MAIN}; it becomes durable when the caller's transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditRecord append(AuditFacts facts) {
        return append(facts, null, null);
    }

    /**
     * Appends a record another service reported, with that service's signature of its payload hash, so verifiers
     * can check who vouched for it (the signature was checked before this is called). The monitor signs the record
     * too, as every other: the reporter's signature covers the payload hash only, the monitor's the rest.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditRecord append(AuditFacts facts, String originKeyId, String originSignature) {
        AuditHead head = lockedHead();
        // PostgreSQL keeps microseconds; hashing a finer time would not survive the round trip.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ChainEntry entry = keys.sign(new ChainEntry(MAIN, head.seq() + 1, now, facts.type(), facts.goalId(),
                facts.actionId(), facts.agent(), facts.traceId(), facts.payloadHash(), facts.decision(),
                facts.suspicion(), facts.modelScore(), facts.actor(), facts.policyVersion(), facts.detail(),
                originKeyId, originSignature, keys.keyId(), null, head.hash()));
        AuditRecord record = AuditRecord.sealed(entry, entry.computeHash());
        records.persist(record);
        head.advance(record.seq(), record.hash());
        appended.fire(new AuditAppended(facts.type()));
        return record;
    }

    private AuditHead lockedHead() {
        AuditHead head = (AuditHead) transaction.getResource(LOCKED_HEAD);
        if (head == null) {
            head = heads.lockForAppend(MAIN);
            transaction.putResource(LOCKED_HEAD, head);
        }
        return head;
    }
}
