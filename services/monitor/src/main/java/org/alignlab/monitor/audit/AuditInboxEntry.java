package org.alignlab.monitor.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An audit event already appended, and where. */
@Entity
@Table(name = "audit_event_inbox")
public class AuditInboxEntry {

    @Id
    private UUID eventId;
    private String chain;
    private long seq;
    private Instant receivedAt;

    protected AuditInboxEntry() {
    }

    AuditInboxEntry(UUID eventId, AuditRecord record) {
        this.eventId = eventId;
        this.chain = record.chain();
        this.seq = record.seq();
        this.receivedAt = record.recordedAt();
    }
}
