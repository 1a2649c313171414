package org.alignlab.platform.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An event written in the transaction whose state it announces and sent by {@link OutboxRelay} after commit. The
 * payload is the exact JSON that goes out, so a re-send after a crash carries the same bytes (and signature).
 */
@Entity
@Table(name = "outbox")
public class OutboxEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_seq")
    @SequenceGenerator(name = "outbox_seq", sequenceName = "outbox_seq", allocationSize = 50)
    private long id;
    private String topic;
    @Column(name = "record_key")
    private String key;
    private String payload;
    /** W3C trace and span of the writing transaction, so the sent message continues its trace. */
    private String traceId;
    private String spanId;
    private Instant createdAt;
    private Instant publishedAt;

    protected OutboxEntry() {
    }

    OutboxEntry(String topic, String key, String payload, String traceId, String spanId, Instant createdAt) {
        this.topic = topic;
        this.key = key;
        this.payload = payload;
        this.traceId = traceId;
        this.spanId = spanId;
        this.createdAt = createdAt;
    }

    public long id() {
        return id;
    }

    public String topic() {
        return topic;
    }

    public String key() {
        return key;
    }

    public String payload() {
        return payload;
    }

    String traceId() {
        return traceId;
    }

    String spanId() {
        return spanId;
    }

    void markPublished(Instant at) {
        this.publishedAt = at;
    }
}
