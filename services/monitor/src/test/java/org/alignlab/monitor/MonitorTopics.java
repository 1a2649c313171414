package org.alignlab.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ExecutionTicket;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.Json;
import org.alignlab.testing.TestInfrastructure;
import org.alignlab.infra.KafkaProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The monitor's topics as its tests see them: propose actions, await the verdicts and tickets about them. */
final class MonitorTopics {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final KafkaProbe KAFKA = TestInfrastructure.kafkaProbe();

    private MonitorTopics() {
    }

    static void propose(AgentAction action) throws Exception {
        KAFKA.send(Topics.AGENT_ACTIONS, action.goalId().toString(), EventCodec.encode(action));
    }

    /** Proposes the actions in order through one producer: for tests that send hundreds. */
    static void proposeAll(List<AgentAction> actions) throws Exception {
        KAFKA.sendAll(Topics.AGENT_ACTIONS, actions.stream()
                .map(action -> Map.entry(action.goalId().toString(), EventCodec.encode(action))).toList());
    }

    static List<Verdict> awaitVerdicts(AgentAction action, int count) {
        List<Verdict> verdicts = KAFKA.read(Topics.MONITOR_VERDICTS, count, verdictFor(action), WAIT).stream()
                .map(record -> EventCodec.decode(record.value(), Verdict.class)).toList();
        assertThat(verdicts).as("verdicts for " + action.id()).hasSize(count);
        return verdicts;
    }

    static List<ExecutionTicket> awaitTickets(AgentAction action, int count) {
        List<ExecutionTicket> tickets = KAFKA.read(Topics.EXECUTION_TICKETS, count, ticketFor(action), WAIT).stream()
                .map(record -> EventCodec.decode(record.value(), ExecutionTicket.class)).toList();
        assertThat(tickets).as("tickets for " + action.id()).hasSize(count);
        return tickets;
    }

    static Predicate<ConsumerRecord<String, String>> verdictFor(AgentAction action) {
        return record -> Json.parse(record.value()).path("actionId").asText().equals(action.id().toString());
    }

    static Predicate<ConsumerRecord<String, String>> ticketFor(AgentAction action) {
        return record -> Json.parse(record.value()).path("action").path("id").asText()
                .equals(action.id().toString());
    }
}
