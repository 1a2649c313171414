package org.alignlab.contracts;

import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.AuditCheckpoint;
import org.alignlab.contracts.events.AuditEvent;
import org.alignlab.contracts.events.ExecutionTicket;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.contracts.events.Verdict;

/** Each event, its record, the schema file that defines it and the topic it travels on. */
public enum EventType {
    ROUND_REQUESTED(RoundRequested.class, "RoundRequested", Topics.RESEARCH_ROUNDS),
    AGENT_ACTION(AgentAction.class, "AgentAction", Topics.AGENT_ACTIONS),
    VERDICT(Verdict.class, "Verdict", Topics.MONITOR_VERDICTS),
    EXECUTION_TICKET(ExecutionTicket.class, "ExecutionTicket", Topics.EXECUTION_TICKETS),
    EXPERIMENT_RESULT(ExperimentResult.class, "ExperimentResult", Topics.EXPERIMENT_RESULTS),
    REVIEW(Review.class, "Review", Topics.REVIEWS),
    AUDIT_EVENT(AuditEvent.class, "AuditEvent", Topics.AUDIT_EVENTS),
    AUDIT_CHECKPOINT(AuditCheckpoint.class, "AuditCheckpoint", Topics.AUDIT_CHECKPOINTS);

    private final Class<?> recordType;
    private final String schemaName;
    private final String topic;

    EventType(Class<?> recordType, String schemaName, String topic) {
        this.recordType = recordType;
        this.schemaName = schemaName;
        this.topic = topic;
    }

    public Class<?> recordType() {
        return recordType;
    }

    /** File name of the schema, relative to {@code contracts/schemas/} (and {@code schemas/} on the class path). */
    public String schemaFile() {
        return schemaName + ".schema.json";
    }

    public String topic() {
        return topic;
    }

    public static EventType of(Class<?> recordType) {
        for (EventType type : values()) {
            if (type.recordType.equals(recordType)) {
                return type;
            }
        }
        throw new IllegalArgumentException("not an AlignLab event: " + recordType.getName());
    }
}
