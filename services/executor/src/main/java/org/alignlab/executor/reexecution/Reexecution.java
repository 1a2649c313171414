package org.alignlab.executor.reexecution;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.alignlab.contracts.events.AuditEventType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A finished run queued to be run again, and what the second run showed. */
@Entity
@Table(name = "reexecutions")
public class Reexecution {

    @Id
    public UUID actionId;

    public UUID goalId;

    /** A {@link Reason} name. */
    public String reason;

    /** A {@link Status} name. */
    public String status;

    public Instant requestedAt;

    public Instant leaseUntil;

    public Instant finishedAt;

    /** What differed, or what agreed; for a reviewer to read. */
    public String detail;

    /** The second run's {@code ExperimentResult}, as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String reproduced;

    /** Why a run is run again. */
    public enum Reason {
        /** Drawn at random when it finished. */
        SAMPLED,
        /** A held-out replication: evidence a claim rests on. */
        REPLICATION,
        /** Asked for by an operator or reviewer. */
        REQUESTED
    }

    public enum Status {
        PENDING,
        RUNNING,
        /** The second run produced the metrics the stored result records. */
        REPRODUCED,
        /** It did not: the stored result is quarantined. */
        MISMATCH,
        /** An agent's script reproduced, but not one metric moved on fresh seeds: quarantined as asserted. */
        NOT_MEASURED,
        /** It could not be run again: what the run ran is not recorded. Not a finding about the result. */
        UNVERIFIABLE;

        AuditEventType auditType() {
            return switch (this) {
                case REPRODUCED -> AuditEventType.RESULT_REPRODUCED;
                case MISMATCH -> AuditEventType.RESULT_MISMATCH;
                case NOT_MEASURED -> AuditEventType.RESULT_NOT_MEASURED;
                case PENDING, RUNNING, UNVERIFIABLE ->
                    throw new IllegalStateException(this + " is audited by no event");
            };
        }
    }
}
