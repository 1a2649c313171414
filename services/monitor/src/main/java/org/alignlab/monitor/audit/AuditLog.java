package org.alignlab.monitor.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Appends records to the hash chain. Appends join the caller's transaction and are serialised per chain. */
@ApplicationScoped
public class AuditLog {

    /** The one chain for now; the name is part of every record so more chains can follow. */
    public static final String MAIN = "main";
    public static final String ACTION_PROPOSED = "ACTION_PROPOSED";
    public static final String VERDICT = "VERDICT";

    private final AuditHeadRepository heads;
    private final AuditRecordRepository records;
    private final Event<AuditAppended> appended;

    AuditLog(AuditHeadRepository heads, AuditRecordRepository records, Event<AuditAppended> appended) {
        this.heads = heads;
        this.records = records;
        this.appended = appended;
    }

    /** Appends one record to {@link #MAIN}; it becomes durable when the caller's transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditRecord append(AuditFacts facts) {
        AuditHead head = heads.lockForAppend(MAIN);
        // PostgreSQL keeps microseconds; hashing a finer time would not survive the round trip.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ChainEntry entry = new ChainEntry(MAIN, head.seq() + 1, now, facts.type(), facts.goalId(), facts.actionId(),
                facts.agent(), facts.traceId(), facts.payloadHash(), facts.decision(), facts.suspicion(),
                facts.policyVersion(), facts.detail(), head.hash());
        AuditRecord record = AuditRecord.sealed(entry, entry.computeHash());
        records.persist(record);
        head.advance(record.seq(), record.hash());
        appended.fire(new AuditAppended(facts.type()));
        return record;
    }
}
