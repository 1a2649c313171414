package org.alignlab.chaos;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.security.Roles;
import org.alignlab.launcher.Service;

/**
 * One seeded chaos run against a stack that is up: goals through the orchestrator's API, actions on
 * {@code agent.actions} at a steady pace with garbage records mixed in, the fault schedule played meanwhile and a
 * reviewer deciding holds; then time to settle, and the invariants.
 */
public final class ChaosRun {

    /** Every topic some service consumes, where the run's garbage goes. */
    public static final List<String> CONSUMED = List.of(Topics.RESEARCH_ROUNDS, Topics.AGENT_ACTIONS,
            Topics.MONITOR_VERDICTS, Topics.EXECUTION_TICKETS, Topics.EXPERIMENT_RESULTS, Topics.REVIEWS,
            Topics.AUDIT_EVENTS);

    /** The figures of a finished run. */
    public record Result(ChaosPlan plan, FaultSchedule schedule, List<FaultInjector.Played> faults,
            Map<ActionKind, Integer> sent, int approved, int denied, int garbage,
            List<Invariant> invariants, Duration took) {
        public boolean passed() {
            return invariants.stream().allMatch(Invariant::holds);
        }
    }

    private final ChaosStack stack;
    private final ChaosPlan plan;
    private final PrintStream out;

    public ChaosRun(ChaosStack stack, ChaosPlan plan, PrintStream out) {
        this.stack = stack;
        this.plan = plan;
        this.out = out;
    }

    public Result run() throws Exception {
        long began = System.nanoTime();
        FaultSchedule schedule = plan.schedule();
        out.println(plan.describe());
        out.print(schedule.describe());

        var tokens = stack.tokens();
        Map<String, Map<Integer, Long>> topicsAtStart = Evidence.topicsNow(stack.kafka(), CONSUMED);
        URI orchestrator = stack.url(Service.ORCHESTRATOR);
        Duration goalLife = plan.load().plus(plan.settle().dividedBy(3));
        // A researcher per goal: the orchestrator limits how many goals one researcher may run at once.
        List<UUID> goals = Goals.create(orchestrator,
                i -> tokens.forPerson(Roles.RESEARCHER, "chaos-researcher-" + i), plan.goals(), goalLife);
        out.printf("created %d goals (each ends within %d s)%n", goals.size(), goalLife.toSeconds());

        Map<UUID, ActionKind> kinds = new ConcurrentHashMap<>();
        HoldReviewer reviewer = new HoldReviewer(stack.url(Service.MONITOR), tokens.forPerson(Roles.REVIEWER),
                plan.seed(), kinds);
        Thread reviewerThread = new Thread(reviewer, "chaos-reviewer");
        reviewerThread.setDaemon(true);
        reviewerThread.start();

        long loadStart = System.nanoTime();
        FaultInjector injector = new FaultInjector(stack, schedule, out, loadStart);
        Thread injectorThread = new Thread(injector, "chaos-faults");
        injectorThread.start();

        Random random = new Random(plan.seed() * 31 + 7);
        Map<ActionKind, Integer> sentByKind = new HashMap<>();
        Set<UUID> sent = new LinkedHashSet<>();
        Map<String, List<byte[]>> garbage = new HashMap<>();
        Set<Integer> garbageAt = new java.util.HashSet<>();
        while (garbageAt.size() < Math.min(plan.garbage(), plan.actions())) {
            garbageAt.add(random.nextInt(plan.actions()));
        }
        long interval = plan.load().toNanos() / plan.actions();
        try (Publisher publisher = new Publisher(stack.kafka(), Duration.ofMinutes(5))) {
            for (int i = 0; i < plan.actions(); i++) {
                long due = loadStart + i * interval;
                while (System.nanoTime() < due) {
                    Pause.sleep(Duration.ofMillis(Math.max(1, (due - System.nanoTime()) / 1_000_000)));
                }
                double draw = random.nextDouble();
                ActionKind kind = draw < plan.runShare() ? ActionKind.RUN
                        : draw < plan.runShare() + plan.heldShare() ? ActionKind.HELD : ActionKind.BLOCKED;
                UUID goal = goals.get(i % goals.size());
                AgentAction action = ChaosActions.action(goal, kind, i);
                kinds.put(action.id(), kind);
                publisher.send(Topics.AGENT_ACTIONS, goal.toString(),
                        EventCodec.encode(action).getBytes(StandardCharsets.UTF_8));
                sent.add(action.id());
                sentByKind.merge(kind, 1, Integer::sum);
                if (garbageAt.contains(i)) {
                    String topic = CONSUMED.get(random.nextInt(CONSUMED.size()));
                    byte[] bytes = new byte[16 + random.nextInt(200)];
                    random.nextBytes(bytes);
                    publisher.send(topic, goal.toString(), bytes);
                    garbage.computeIfAbsent(topic, t -> new ArrayList<>()).add(bytes);
                }
                if ((i + 1) % 50 == 0) {
                    out.printf("[t+%4ds] sent %d/%d actions %s%n", (System.nanoTime() - loadStart) / 1_000_000_000L,
                            i + 1, plan.actions(), sentByKind);
                }
            }
        }
        injectorThread.join();
        out.printf("[t+%4ds] load sent and every fault played; settling (up to %d s)%n",
                (System.nanoTime() - loadStart) / 1_000_000_000L, plan.settle().toSeconds());
        settle(goals, plan.settle());
        reviewer.stop();
        reviewerThread.join(10_000);

        Evidence evidence = Evidence.gather(stack, tokens.forPerson(Roles.REVIEWER), CONSUMED,
                topicsAtStart);
        List<Invariant> invariants = Invariants.check(evidence, new LinkedHashSet<>(goals), sent, garbage);
        int garbageCount = garbage.values().stream().mapToInt(List::size).sum();
        return new Result(plan, schedule, injector.played(), sentByKind, reviewer.approved(), reviewer.denied(),
                garbageCount, invariants, Duration.ofNanos(System.nanoTime() - began));
    }

    /**
     * Waits until nothing is in flight: every goal ended, no hold open, no run RUNNING, every allowed action's run
     * reported, no re-execution waiting or running, and no action on the topic without a verdict; or until the time
     * is up (the invariants then say what is missing).
     */
    private void settle(List<UUID> goals, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try (Connection db = stack.connect(); Statement st = db.createStatement()) {
                String state = one(st, "select count(*) from orchestrator.goals where status = 'RUNNING' and id in ("
                        + String.join(",", goals.stream().map(g -> "'" + g + "'").toList()) + ")") + " goals running, "
                        + one(st, "select count(*) from monitor.held_actions where status = 'HELD'") + " holds open, "
                        + one(st, "select count(*) from executor.executions where status = 'RUNNING'") + " runs, "
                        + one(st, "select count(*) from (select action_id from monitor.verdicts where decision = "
                                + "'ALLOW' union select action_id from monitor.held_actions where status = 'APPROVED') v "
                                + "where not exists (select 1 from monitor.audit_log a where a.action_id = v.action_id and a.type in "
                                + "('EXECUTION_FINISHED', 'EXECUTION_REFUSED'))")
                        + " allowed not ended, "
                        + one(st, "select count(*) from monitor.outbox where published_at is null") + " unsent, "
                        + one(st, "select count(*) from executor.reexecutions where status in ('PENDING', 'RUNNING')")
                        + " re-runs";
                if (!state.equals(last)) {
                    out.println("  settling: " + state);
                    last = state;
                }
                if (state.equals("0 goals running, 0 holds open, 0 runs, 0 allowed not ended, 0 unsent, 0 re-runs")) {
                    return;
                }
            } catch (Exception e) {
                out.println("  settling: " + e.getMessage());
            }
            Pause.sleep(Duration.ofSeconds(5));
        }
        out.println("  settling: time is up");
    }

    private static long one(Statement st, String sql) throws java.sql.SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
