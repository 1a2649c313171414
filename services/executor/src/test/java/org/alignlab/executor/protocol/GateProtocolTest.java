package org.alignlab.executor.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExecutionTicket;
import org.alignlab.contracts.testing.Trials;
import org.alignlab.executor.protocol.SimulatedExecutor.Crash;
import org.alignlab.executor.ticket.TicketCheck.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gate's end-to-end invariants under random interleavings, redeliveries and crashes: no execution ever
 * starts without a committed approval before it in a chain that verifies, no ticket and no action starts twice,
 * and no forged ticket starts.
 *
 * <p>What is modelled ({@link ProtocolModel}), each step one draw in a seeded random schedule
 * ({@link RandomSchedule}, decision 0008):
 * <ul>
 * <li>monitor ({@link SimulatedMonitor}): deliver action i, with a drawn ALLOW, HOLD or BLOCK; in one
 * transaction ACTION_PROPOSED, VERDICT and, for ALLOW, a signed ticket into the outbox, committed wholly or lost
 * wholly to a crash before commit (the action is then redelivered and decided afresh). A redelivered decided action
 * re-reads its stored verdict. A reviewer may decide a held action later: HUMAN_DECISION and, on approval, a
 * ticket, in one transaction that may crash too. The audit API can be unreachable.</li>
 * <li>relay: publish the next unsent outbox row to the tickets topic; a crash after the publish, before marking
 * the row sent, publishes it again later (a duplicate).</li>
 * <li>executor ({@link SimulatedExecutor}): consume the record at its position, crashing before the claim, after
 * it, or after the start, committing offsets possibly late; restart after a crash; a rebalance redelivers
 * everything after the last committed offset. Time passes ({@link ModelClock}), so tickets expire.</li>
 * <li>attacker: publish tickets signed with its own key (naming its key or the monitor's), real tickets with the
 * action swapped, and real-signed tickets from monitor transactions that crashed and never committed.</li>
 * </ul>
 *
 * <p>Real classes: {@code TicketCheck} (every executor check, including the audit-record check against the
 * model's committed chain through an {@code AuditRecordSource}), {@code TicketSigner} and {@code TicketVerifier}
 * with real Ed25519 keys, {@code ChainEntry} hashing and {@code ChainVerifier}. Modelled: the ledger
 * ({@code InMemoryTicketLedger}, the {@code used_tickets} constraints, durable across executor crashes), the
 * monitor's transactions and outbox, Kafka's topic and offsets, and the sandbox (a run is its EXECUTION_STARTED
 * report, which joins the chain at once). Deliveries are sequential: concurrent consumers of one action are the
 * database constraints' job, tested against PostgreSQL elsewhere.
 */
class GateProtocolTest {

    private static final int TRIALS = 100;

    static LongStream seeds() {
        return Trials.seeds(TRIALS);
    }

    @ParameterizedTest(name = Trials.NAME)
    @MethodSource("seeds")
    void noExecutionWithoutACommittedApprovalAndNoneTwice(long seed) {
        Trials.check(seed, RandomSchedule::new, schedule -> {
            schedule.play();
            ProtocolModel model = schedule.drain();

            model.assertWholeChainVerifies();
            model.assertEveryStartFollowsACommittedApproval();
            model.assertNothingStartsTwice();
            model.assertNoForgeryStarts();
            model.assertEveryApprovalRanUnlessLostToACrashOrExpiry();
        });
    }

    /** Guards against a vacuous pass: the trials above must reach the interesting paths, each in enough runs. */
    @Test
    void theTrialsRunActionsAndProvokeEachKindOfRefusal() {
        List<ProtocolModel> settled = seeds().mapToObj(seed -> {
            RandomSchedule schedule = Trials.draw(seed, RandomSchedule::new);
            schedule.play();
            return schedule.drain();
        }).toList();

        assertThat(share(settled, model -> model.runs() > 0)).as("share of trials where something ran")
                .isGreaterThan(0.5);
        assertThat(share(settled, model -> model.refusals(Rejection.Kind.AUDIT_MISMATCH) > 0))
                .as("share of trials with an audit mismatch refused").isGreaterThan(0.05);
        assertThat(share(settled, model -> model.refusals(Rejection.Kind.BAD_SIGNATURE) > 0))
                .as("share of trials with a bad signature refused").isGreaterThan(0.1);
        assertThat(share(settled, model -> model.refusals(Rejection.Kind.REPLAYED) > 0))
                .as("share of trials with a replay refused").isGreaterThan(0.1);
        // Rarer (about one trial in ten), but the liveness check above leans on it.
        assertThat(share(settled, model -> model.refusals(Rejection.Kind.EXPIRED) > 0))
                .as("share of trials with an expired ticket refused").isGreaterThan(0.02);
    }

    /** A real-signed ticket from a transaction that never committed is refused, though its action later ran. */
    @Test
    void aTicketSignedInACrashedTransactionIsRefusedByItsAuditRecord() {
        ProtocolModel model = new ProtocolModel();
        model.deliver(0, Decision.ALLOW, true);
        ExecutionTicket lost = model.lostInCrashes().get(0);
        model.deliver(1, Decision.BLOCK, false);
        model.replayLost(lost);

        model.consume(Crash.NONE, true);

        assertThat(model.runs()).isZero();
        assertThat(model.refusals(Rejection.Kind.AUDIT_MISMATCH)).isEqualTo(1);
        model.assertChainVerifies();
    }

    private static double share(List<ProtocolModel> models, Predicate<ProtocolModel> reached) {
        return (double) models.stream().filter(reached).count() / models.size();
    }
}
