package org.alignlab.executor.execution;

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
    public UUID actionId;

    public UUID ticketId;

    public UUID goalId;

    /** RUNNING, then an {@code ExperimentStatus} name. */
    public String status;

    public String sandbox;

    public Instant startedAt;

    public Instant finishedAt;

    public Long durationMs;

    public String traceId;

    /** The {@code AgentAction} its ticket carried, as JSON: what was run, and what a re-execution runs again. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String action;

    /** The published {@code ExperimentResult}, as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String result;
}
