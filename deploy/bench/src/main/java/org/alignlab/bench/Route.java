package org.alignlab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.Decision;

/**
 * One path an action can take through the system under test: where it is sent and where its replies appear.
 * Replies are read as JSON trees, not decoded against their schema: the harness must not be the bottleneck.
 *
 * @param verdictTopic where the path says what it decided, or null when it decides nothing (the echo)
 * @param completionTopic where the reply that ends an action's latency appears (a ticket, or the echo)
 * @param completedActionId the action id inside a completion
 */
record Route(String name, String inputTopic, String verdictTopic, String completionTopic,
        Function<JsonNode, UUID> completedActionId) {

    /** Through the monitor: AgentAction on agent.actions, Verdict on monitor.verdicts, ExecutionTicket on execution.tickets. */
    static Route gate() {
        return new Route("gate", Topics.AGENT_ACTIONS, Topics.MONITOR_VERDICTS, Topics.EXECUTION_TICKETS,
                ticket -> UUID.fromString(ticket.path("action").path("id").asText()));
    }

    /** Through the echo: the action on the echo's input topic, the same payload back on its output topic. */
    static Route baseline() {
        return new Route("baseline", EchoService.INPUT_TOPIC, null, EchoService.OUTPUT_TOPIC,
                action -> UUID.fromString(action.path("id").asText()));
    }

    boolean decides() {
        return verdictTopic != null;
    }

    List<String> replyTopics() {
        return decides() ? List.of(verdictTopic, completionTopic) : List.of(completionTopic);
    }

    static UUID verdictActionId(JsonNode verdict) {
        return UUID.fromString(verdict.path("actionId").asText());
    }

    static boolean allowed(JsonNode verdict) {
        return Decision.ALLOW.name().equals(verdict.path("decision").asText());
    }
}
