package org.alignlab.executor.execution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One run of an action: recorded as RUNNING with its ticket's claim, completed with the result. */
@Entity
@Table(name = "executions")
public class Execution {

    public static final String RUNNING = "RUNNING";

    @Id
    @Column(name = "action_id")
    public UUID actionId;

    @Column(name = "ticket_id", nullable = false)
    public UUID ticketId;

    @Column(name = "goal_id", nullable = false)
    public UUID goalId;

    /** RUNNING, then an {@code ExperimentStatus} name. */
    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public String sandbox;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "duration_ms")
    public Long durationMs;

    @Column(name = "trace_id")
    public String traceId;

    /** The published {@code ExperimentResult}, as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String result;
}
