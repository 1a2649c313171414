package org.alignlab.executor.protocol;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExecutionTicket;
import org.alignlab.executor.protocol.SimulatedExecutor.Crash;

/**
 * One trial's case for {@link GateProtocolTest}: a random schedule of up to {@value #MAX_STEPS} steps against a
 * fresh {@link ProtocolModel}, each step drawn from the trial's {@link Random} among the kinds possible in the
 * model's state at that moment (a review needs a held action, a replay a lost ticket), by weight. Steps are drawn
 * while they are played, so {@link #toString()} is the schedule so far: after a failure, its last step is the one
 * after which an invariant broke.
 */
final class RandomSchedule {

    static final int MAX_STEPS = 50;

    private static final List<StepKind> KINDS = List.of(
            new StepKind(5, model -> true, RandomSchedule::deliver),
            new StepKind(2, model -> !model.held().isEmpty(), RandomSchedule::review),
            new StepKind(4, ProtocolModel::hasUnsent, RandomSchedule::relay),
            new StepKind(6, ProtocolModel::executorHasNext, RandomSchedule::consume),
            new StepKind(2, ProtocolModel::executorIsDown,
                    (random, model) -> new Step("executor: restart", ProtocolModel::restartExecutor)),
            new StepKind(1, model -> true, (random, model) -> new Step(
                    "kafka: rebalance, redeliver after the last commit", ProtocolModel::rebalance)),
            new StepKind(1, model -> true, RandomSchedule::monitorReachability),
            new StepKind(1, model -> true, RandomSchedule::advanceTime),
            new StepKind(1, model -> true, RandomSchedule::forgeWithOwnKey),
            new StepKind(1, model -> !model.genuineOnTopic().isEmpty(), RandomSchedule::swapAction),
            new StepKind(2, model -> !model.lostInCrashes().isEmpty(), RandomSchedule::replayLost));

    private final Random random;
    private final int length;
    private final ProtocolModel model = new ProtocolModel();
    private final List<String> played = new ArrayList<>();

    RandomSchedule(Random random) {
        this.random = random;
        this.length = 1 + random.nextInt(MAX_STEPS);
    }

    /** Plays the whole schedule, checking the protocol's invariants after every step. */
    ProtocolModel play() {
        while (played.size() < length) {
            Step step = nextStep();
            played.add(step.description());
            step.apply().accept(model);
            model.assertChainVerifies();
            model.assertEveryStartFollowsACommittedApproval();
            model.assertNothingStartsTwice();
            model.assertNoForgeryStarts();
        }
        return model;
    }

    /** Lets everything in flight settle (see {@link ProtocolModel#drain()}), recorded as the last step. */
    ProtocolModel drain() {
        played.add("drain: monitor reachable, executor up, relay and executor empty the outbox and the topic");
        model.drain();
        return model;
    }

    @Override
    public String toString() {
        return played.size() + " of " + length + " steps played" + IntStream.range(0, played.size())
                .mapToObj(i -> "\n  " + (i + 1) + ". " + played.get(i)).collect(Collectors.joining());
    }

    /** By weight among the kinds possible now: a kind that is not possible leaves its share to the others. */
    private Step nextStep() {
        List<StepKind> possible = KINDS.stream().filter(kind -> kind.possible().test(model)).toList();
        int ticket = random.nextInt(possible.stream().mapToInt(StepKind::weight).sum());
        for (StepKind kind : possible) {
            ticket -= kind.weight();
            if (ticket < 0) {
                return kind.draw().apply(random, model);
            }
        }
        throw new IllegalStateException("weights drew past their sum");
    }

    private static Step deliver(Random random, ProtocolModel model) {
        int action = actionIndex(random);
        Decision decision = oneOf(random, List.of(Decision.ALLOW, Decision.HOLD, Decision.BLOCK));
        boolean crash = crash(random);
        return new Step("monitor: deliver action " + action + ", " + decision
                + (crash ? ", crash before commit" : ""), m -> m.deliver(action, decision, crash));
    }

    private static Step review(Random random, ProtocolModel model) {
        AgentAction held = oneOf(random, model.held());
        boolean approve = random.nextBoolean();
        boolean crash = crash(random);
        return new Step("reviewer: " + (approve ? "approve" : "deny") + " held action " + held.id()
                + (crash ? ", crash before commit" : ""), m -> m.review(held, approve, crash));
    }

    private static Step relay(Random random, ProtocolModel model) {
        boolean crash = crash(random);
        return new Step("relay: publish next ticket" + (crash ? ", crash before marking it sent" : ""),
                m -> m.relay(crash));
    }

    /** Crash points weighted 6:1:1:1, none first. */
    private static Step consume(Random random, ProtocolModel model) {
        int draw = random.nextInt(9);
        Crash point = draw < 6 ? Crash.NONE : List.of(Crash.BEFORE_CLAIM, Crash.AFTER_CLAIM, Crash.AFTER_START)
                .get(draw - 6);
        boolean commit = random.nextBoolean();
        return new Step("executor: consume next ticket" + (point == Crash.NONE ? "" : ", crash " + point)
                + (commit ? "" : ", offset not committed"), m -> m.consume(point, commit));
    }

    private static Step monitorReachability(Random random, ProtocolModel model) {
        boolean reachable = random.nextBoolean();
        return new Step("monitor API " + (reachable ? "reachable" : "unreachable"),
                m -> m.setMonitorReachable(reachable));
    }

    private static Step advanceTime(Random random, ProtocolModel model) {
        int seconds = 1 + random.nextInt(200);
        return new Step(seconds + " s pass", m -> m.advanceTime(Duration.ofSeconds(seconds)));
    }

    private static Step forgeWithOwnKey(Random random, ProtocolModel model) {
        int action = actionIndex(random);
        boolean claimMonitorsKeyId = random.nextBoolean();
        return new Step("attacker: ticket for action " + action + " signed with its own key"
                + (claimMonitorsKeyId ? ", naming the monitor's key id" : ""),
                m -> m.forgeWithOwnKey(action, claimMonitorsKeyId));
    }

    private static Step swapAction(Random random, ProtocolModel model) {
        ExecutionTicket real = oneOf(random, model.genuineOnTopic());
        int action = actionIndex(random);
        boolean sameId = random.nextBoolean();
        return new Step("attacker: ticket " + real.ticketId() + " with "
                + (sameId ? "its action's spec changed" : "action " + action), m -> m.swapAction(real, action, sameId));
    }

    private static Step replayLost(Random random, ProtocolModel model) {
        ExecutionTicket lost = oneOf(random, model.lostInCrashes());
        return new Step("attacker: publish ticket " + lost.ticketId() + " signed in a crashed transaction",
                m -> m.replayLost(lost));
    }

    private static int actionIndex(Random random) {
        return random.nextInt(ProtocolModel.ACTIONS);
    }

    /** Crashes are rarer than clean steps, as in life, but common enough to interleave with everything. */
    private static boolean crash(Random random) {
        return random.nextInt(4) == 0;
    }

    private static <T> T oneOf(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** What can happen next: how often, when it is possible, and how to draw its details in a given state. */
    private record StepKind(int weight, Predicate<ProtocolModel> possible,
            BiFunction<Random, ProtocolModel, Step> draw) {
    }

    /** One drawn step, described as the failure report shows it. */
    private record Step(String description, Consumer<ProtocolModel> apply) {
    }
}
