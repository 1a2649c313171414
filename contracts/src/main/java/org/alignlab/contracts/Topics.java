package org.alignlab.contracts;

import java.util.List;

/** Kafka topic names (docs/architecture.md, "Topics"). Every topic has a dead-letter twin named {@code <topic>.dlq}. */
public final class Topics {

    public static final String RESEARCH_ROUNDS = "research.rounds";
    public static final String AGENT_ACTIONS = "agent.actions";
    public static final String MONITOR_VERDICTS = "monitor.verdicts";
    public static final String EXECUTION_TICKETS = "execution.tickets";
    public static final String EXPERIMENT_RESULTS = "experiment.results";
    public static final String REVIEWS = "reviews";
    public static final String AUDIT_EVENTS = "audit.events";
    public static final String AUDIT_CHECKPOINTS = "audit.checkpoints";

    /** Every event topic, without the dead-letter topics. */
    public static final List<String> ALL = List.of(RESEARCH_ROUNDS, AGENT_ACTIONS, MONITOR_VERDICTS,
            EXECUTION_TICKETS, EXPERIMENT_RESULTS, REVIEWS, AUDIT_EVENTS, AUDIT_CHECKPOINTS);

    /** Header that carries why a message went to a dead-letter topic. */
    public static final String DLQ_REASON_HEADER = "dead-letter-reason";

    private Topics() {
    }

    public static String dlq(String topic) {
        return topic + ".dlq";
    }
}
