package org.alignlab.monitor.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.alignlab.contracts.audit.ChainEntry;
import org.alignlab.contracts.audit.ChainLink;
import org.hibernate.annotations.Immutable;

/** One row of the append-only {@code audit_log}. Immutable: Hibernate never issues an UPDATE for it. */
@Entity
@Immutable
@Table(name = "audit_log")
@IdClass(AuditRecord.Key.class)
public class AuditRecord {

    @Id
    private String chain;
    @Id
    private long seq;
    private Instant recordedAt;
    private String type;
    private UUID goalId;
    private UUID actionId;
    private String agent;
    private String traceId;
    private String payloadHash;
    private String decision;
    private Double suspicion;
    private Double modelScore;
    private String actor;
    private String policyVersion;
    private String detail;
    private String originKeyId;
    private String originSignature;
    private String monitorKeyId;
    private String monitorSignature;
    private String prevHash;
    private String hash;

    protected AuditRecord() {
    }

    static AuditRecord sealed(ChainEntry entry, String hash) {
        AuditRecord record = new AuditRecord();
        record.chain = entry.chain();
        record.seq = entry.seq();
        record.recordedAt = entry.recordedAt();
        record.type = entry.type();
        record.goalId = entry.goalId();
        record.actionId = entry.actionId();
        record.agent = entry.agent();
        record.traceId = entry.traceId();
        record.payloadHash = entry.payloadHash();
        record.decision = entry.decision();
        record.suspicion = entry.suspicion();
        record.modelScore = entry.modelScore();
        record.actor = entry.actor();
        record.policyVersion = entry.policyVersion();
        record.detail = entry.detail();
        record.originKeyId = entry.originKeyId();
        record.originSignature = entry.originSignature();
        record.monitorKeyId = entry.monitorKeyId();
        record.monitorSignature = entry.monitorSignature();
        record.prevHash = entry.prevHash();
        record.hash = hash;
        return record;
    }

    public ChainLink link() {
        return new ChainLink(new ChainEntry(chain, seq, recordedAt, type, goalId, actionId, agent, traceId,
                payloadHash, decision, suspicion, modelScore, actor, policyVersion, detail, originKeyId,
                originSignature, monitorKeyId, monitorSignature, prevHash), hash);
    }

    public String chain() {
        return chain;
    }

    public long seq() {
        return seq;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String hash() {
        return hash;
    }

    public String type() {
        return type;
    }

    /** The composite primary key {@code (chain, seq)}. */
    public static class Key implements Serializable {

        private String chain;
        private long seq;

        public static Key of(String chain, long seq) {
            Key key = new Key();
            key.chain = chain;
            key.seq = seq;
            return key;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && seq == key.seq && Objects.equals(chain, key.chain);
        }

        @Override
        public int hashCode() {
            return Objects.hash(chain, seq);
        }
    }
}
