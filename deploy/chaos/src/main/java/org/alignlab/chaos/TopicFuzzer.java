package org.alignlab.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.AuditEvent;
import org.alignlab.contracts.events.ExecutionTicket;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.Json;
import org.alignlab.contracts.security.Roles;
import org.alignlab.launcher.Service;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Hostile records on every consumed topic, a burst per topic, each followed by a canary action that must be decided
 * within seconds. Afterwards every record must have ended in its topic's DLQ or, where it was schema-valid, been
 * taken by its consumers (no consumer group left behind the end of any topic), and every service must be healthy.
 */
public record TopicFuzzer(ChaosStack stack, long seed, Duration canaryLimit, PrintStream out) {

    private static final Map<String, Class<?>> EVENTS = Map.of(
            Topics.RESEARCH_ROUNDS, RoundRequested.class,
            Topics.AGENT_ACTIONS, AgentAction.class,
            Topics.MONITOR_VERDICTS, Verdict.class,
            Topics.EXECUTION_TICKETS, ExecutionTicket.class,
            Topics.EXPERIMENT_RESULTS, ExperimentResult.class,
            Topics.REVIEWS, Review.class,
            Topics.AUDIT_EVENTS, AuditEvent.class);

    /** What happened to the records of one topic, and how long each canary took. */
    public record Result(Map<String, int[]> byTopic, List<Duration> canaries, Duration canaryLimit,
            List<String> violations, int sent) {

        public boolean passed() {
            return violations.isEmpty();
        }

        public String describe() {
            StringBuilder text = new StringBuilder("\n=== topic fuzzing ===\n");
            text.append(String.format("  %-22s %6s %12s %14s %12s%n", "topic", "sent", "dead-letter", "schema-valid",
                    "unaccounted"));
            byTopic.forEach((topic, c) -> text.append(String.format("  %-22s %6d %12d %14d %12d%n", topic, c[0], c[1],
                    c[2], c[3])));
            text.append("  canaries decided in (s): ").append(canaries.stream()
                    .map(d -> String.format("%.1f", d.toMillis() / 1000.0)).toList())
                    .append(" (limit ").append(canaryLimit.toSeconds()).append(" s)\n");
            text.append("  records sent: ").append(sent).append(", violations: ").append(violations.size())
                    .append('\n');
            violations.stream().limit(20).forEach(v -> text.append("   - ").append(v).append('\n'));
            text.append(passed() ? "TOPIC FUZZING PASSED\n" : "TOPIC FUZZING FAILED\n");
            return text.toString();
        }
    }

    public Result run() throws Exception {
        Random random = new Random(seed);
        var tokens = stack.tokens();
        List<UUID> goals = Goals.create(stack.url(Service.ORCHESTRATOR), i -> tokens.forPerson(Roles.RESEARCHER), 2,
                Duration.ofMinutes(10));
        UUID goal = goals.get(0);
        List<String> violations = new ArrayList<>();
        List<Duration> canaries = new ArrayList<>();
        Map<String, List<HostileRecords.Hostile>> sentByTopic = new TreeMap<>();
        int n = 0;
        try (Publisher publisher = new Publisher(stack.kafka(), Duration.ofMinutes(2))) {
            // A first canary that runs, so every topic downstream of the gate has a real event to mutate.
            Duration first = canary(publisher, goal, n++, ActionKind.RUN);
            out.printf("warm-up canary decided in %.1f s%n", first.toMillis() / 1000.0);
            awaitTemplates(Duration.ofSeconds(120));
            for (String topic : ChaosRun.CONSUMED) {
                JsonNode template = template(topic);
                List<HostileRecords.Hostile> burst = HostileRecords.burst(random, template, goals.get(1));
                for (HostileRecords.Hostile hostile : burst) {
                    publisher.send(topic, goal.toString(), hostile.value());
                }
                sentByTopic.put(topic, burst);
                Duration took = canary(publisher, goal, n++, ActionKind.BLOCKED);
                canaries.add(took);
                out.printf("%-20s %3d hostile records (template %s); canary decided in %.1f s%n", topic,
                        burst.size(), template == null ? "none" : "yes", took.toMillis() / 1000.0);
                if (took.compareTo(canaryLimit) > 0) {
                    violations.add("canary after the " + topic + " burst took " + took.toSeconds() + " s");
                }
            }
        }
        List<String> lagging = awaitNoLag(Duration.ofSeconds(120));
        violations.addAll(lagging);
        Map<String, int[]> byTopic = new TreeMap<>();
        int sent = 0;
        for (Map.Entry<String, List<HostileRecords.Hostile>> e : sentByTopic.entrySet()) {
            List<byte[]> dlq = TopicReader.readAll(stack.kafka(), Topics.dlq(e.getKey())).stream()
                    .map(ConsumerRecord::value).toList();
            int[] counts = new int[4];
            for (HostileRecords.Hostile hostile : e.getValue()) {
                counts[0]++;
                sent++;
                byte[] seen = Invariants.asConsumersSeeIt(hostile.value());
                boolean dead = dlq.stream().anyMatch(v -> Arrays.equals(v, seen));
                boolean valid = isValid(e.getKey(), hostile.value());
                if (dead) {
                    counts[1]++;
                } else if (valid) {
                    counts[2]++;
                } else {
                    counts[3]++;
                    violations.add(e.getKey() + ": '" + hostile.label() + "' is schema-invalid and not in the DLQ");
                }
            }
            byTopic.put(e.getKey(), counts);
        }
        violations.addAll(Health.unhealthy(stack));
        return new Result(byTopic, canaries, canaryLimit, violations, sent);
    }

    private static boolean isValid(String topic, byte[] value) {
        try {
            EventCodec.decode(new String(value, StandardCharsets.UTF_8), EVENTS.get(topic));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Sends one action and waits for the monitor's verdict on it; returns how long that took. */
    private Duration canary(Publisher publisher, UUID goal, int n, ActionKind kind) throws Exception {
        AgentAction action = ChaosActions.action(goal, kind, 100_000 + n);
        long start = System.nanoTime();
        publisher.send(Topics.AGENT_ACTIONS, goal.toString(),
                EventCodec.encode(action).getBytes(StandardCharsets.UTF_8));
        long deadline = start + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection db = stack.connect();
                    PreparedStatement st = db.prepareStatement("select 1 from monitor.verdicts where action_id = ?")) {
                st.setObject(1, action.id());
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        return Duration.ofNanos(System.nanoTime() - start);
                    }
                }
            }
            Pause.sleep(Duration.ofMillis(200));
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The newest schema-valid event of a topic, to mutate; null when the topic has none yet. */
    private JsonNode template(String topic) {
        List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(stack.kafka(), topic);
        for (int i = records.size() - 1; i >= 0; i--) {
            byte[] value = records.get(i).value();
            if (value != null && isValid(topic, value)) {
                return Json.parse(new String(value, StandardCharsets.UTF_8));
            }
        }
        return null;
    }

    private void awaitTemplates(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        Set<String> needed = Set.of(Topics.EXECUTION_TICKETS, Topics.EXPERIMENT_RESULTS, Topics.AUDIT_EVENTS);
        while (System.nanoTime() < deadline) {
            if (needed.stream().allMatch(t -> template(t) != null)) {
                return;
            }
            Pause.sleep(Duration.ofSeconds(2));
        }
    }

    /** Waits until every consumer group has committed up to the end of every partition it reads. */
    private List<String> awaitNoLag(Duration limit) throws Exception {
        Properties props = new Properties();
        props.putAll(stack.kafka().clientProperties());
        List<String> lagging = new ArrayList<>();
        try (Admin admin = Admin.create(props)) {
            long deadline = System.nanoTime() + limit.toNanos();
            while (true) {
                lagging.clear();
                for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin
                            .listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
                    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                    committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                    var ends = admin.listOffsets(latest).all().get();
                    committed.forEach((tp, offset) -> {
                        long end = ends.get(tp).offset();
                        if (offset != null && offset.offset() < end) {
                            lagging.add("group " + group.groupId() + " is " + (end - offset.offset())
                                    + " records behind on " + tp);
                        }
                    });
                }
                if (lagging.isEmpty() || System.nanoTime() > deadline) {
                    return lagging;
                }
                Pause.sleep(Duration.ofSeconds(3));
            }
        }
    }

}
