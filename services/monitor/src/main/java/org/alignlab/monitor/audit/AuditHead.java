package org.alignlab.monitor.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last seq and hash of a chain; its row lock serialises appends. */
@Entity
@Table(name = "audit_head")
public class AuditHead {

    @Id
    private String chain;
    private long seq;
    private String hash;

    protected AuditHead() {
    }

    public String chain() {
        return chain;
    }

    public long seq() {
        return seq;
    }

    public String hash() {
        return hash;
    }

    void advance(long newSeq, String newHash) {
        this.seq = newSeq;
        this.hash = newHash;
    }
}
