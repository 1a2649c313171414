package org.alignlab.executor.reexecution;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.alignlab.contracts.MetricNames;
import org.alignlab.contracts.crypto.Ed25519;
import org.alignlab.contracts.crypto.OriginSigner;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.AuditEventType;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.executor.config.ExecutorConfig;
import org.alignlab.executor.execution.AuditPublisher;
import org.alignlab.executor.execution.Execution;
import org.alignlab.executor.execution.ExecutionRepository;
import org.alignlab.executor.execution.ResultFactory;
import org.alignlab.executor.execution.SandboxSlots;
import org.alignlab.sandbox.RunnerRuntime;
import org.alignlab.sandbox.Sandbox;
import org.alignlab.sandbox.SandboxRequest;
import org.alignlab.sandbox.SandboxRun;
import org.alignlab.sandbox.verification.ResultComparison;
import org.alignlab.sandbox.verification.RunNumbers;
import org.alignlab.sandbox.verification.ReexecutionVerdict;
import org.jboss.logging.Logger;

/**
 * Runs queued re-executions one at a time, each in a fresh sandbox under the action's own limits and within the
 * executor's sandbox slots, and compares what it produced with the result stored for the first run, read from the
 * database after the second run ends: a stored result altered at any time before then is caught. The outcome goes to
 * the audit chain ({@code RESULT_REPRODUCED} or {@code RESULT_MISMATCH}, in the action's trace) with the row that
 * records it, in one transaction.
 */
@ApplicationScoped
public class ReexecutionWorker {

    private static final Logger LOG = Logger.getLogger(ReexecutionWorker.class);
    /** Beyond the run's wall-clock limit, before another process may take over a re-run whose runner died. */
    private static final Duration LEASE_GRACE = Duration.ofMinutes(5);

    @Inject
    ReexecutionRepository reexecutions;
    @Inject
    ExecutionRepository executions;
    @Inject
    Sandbox sandbox;
    @Inject
    SandboxSlots slots;
    @Inject
    ResultFactory results;
    @Inject
    AuditPublisher audit;
    @Inject
    MeterRegistry meters;
    @Inject
    Clock clock;

    private final ResultComparison comparison;
    private final PublicKey executorKey;
    private final SecureRandom random = new SecureRandom();
    private final Duration maxWait;

    @Inject
    ReexecutionWorker(ExecutorConfig config) {
        comparison = new ResultComparison(config.reexecution().relativeTolerance());
        executorKey = Ed25519.decodePublic(config.signingPublicKey());
        maxWait = config.reexecution().maxWait();
    }

    @Scheduled(identity = "reexecutions", every = "${alignlab.executor.reexecution.poll-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void runWaiting() {
        while (sandbox.whyUnavailable().isEmpty() && mayRunNow() && runNext()) {
            // one after another until none waits
        }
    }

    /**
     * Re-runs use sandboxes no ticket is waiting for, so checking results never slows the research; one that has
     * waited longer than {@code max-wait} takes its turn in line like a ticket, so a busy executor still checks.
     */
    private boolean mayRunNow() {
        if (slots.idle()) {
            return true;
        }
        Instant overdue = clock.instant().minus(maxWait);
        return QuarkusTransaction.requiringNew()
                .call(() -> reexecutions.oldestWaiting().map(since -> since.isBefore(overdue)).orElse(false));
    }

    /** Runs the next waiting re-execution; false when none waits. */
    boolean runNext() {
        Optional<Taken> taken = QuarkusTransaction.requiringNew().call(this::take);
        if (taken.isEmpty()) {
            return false;
        }
        if (taken.get().action() == null) {
            return true;
        }
        AgentAction action = taken.get().action();
        String traceId = taken.get().traceId();
        ExperimentResult first = run(action, action.spec(), "rerun-", traceId);
        String stored = QuarkusTransaction.requiringNew().call(() -> executions.findById(action.id()).result);
        List<String> firstDifferences = differences(stored, first);
        ExperimentResult reproduced = first;
        String unstable = null;
        if (!firstDifferences.isEmpty()) {
            // A disagreement is run once more before it quarantines anything. A stored result that was altered
            // differs from both re-runs; one that the second re-run matches is what the action produces, and the
            // first re-run's difference is the platform's own nondeterminism, which is reported, not blamed on it.
            ExperimentResult second = run(action, action.spec(), "confirm-", traceId);
            if (differences(stored, second).isEmpty()) {
                reproduced = second;
                unstable = String.join("; ", firstDifferences);
                LOG.warnf("re-execution of action %s: the first re-run differed from the stored result, the second"
                        + " matched it: %s", action.id(), unstable);
            }
        }
        // The families' code is the platform's own; an agent's script is checked for numbers it only wrote down.
        Optional<ExperimentResult> reseeded = RunnerRuntime.forFamily(action.spec().family()) == RunnerRuntime.SCRIPT
                ? Optional.of(run(action, ReexecutionVerdict.reseeded(action.spec(), random), "reseed-", traceId))
                : Optional.empty();
        ExperimentResult judged = reproduced;
        String firstRun = unstable;
        QuarkusTransaction.requiringNew().run(() -> judge(action, judged, reseeded, firstRun, traceId));
        return true;
    }

    private ExperimentResult run(AgentAction action, ExperimentSpec spec, String label, String traceId) {
        SandboxRun run = slots.whenFree(action.goalId(),
                () -> sandbox.run(SandboxRequest.forSpec(label + action.id(), spec)));
        return results.from(action, run, traceId);
    }

    /**
     * Leases the next waiting row. One whose run cannot be read back (a run recorded before the executor kept what it
     * ran) is closed UNVERIFIABLE and handed back without an action, so it never blocks the rows behind it.
     */
    private Optional<Taken> take() {
        Instant now = clock.instant();
        return reexecutions.lockNext(now).map(row -> {
            Execution execution = executions.findById(row.actionId);
            AgentAction action;
            try {
                action = EventCodec.decode(execution.action, AgentAction.class);
            } catch (RuntimeException unreadable) {
                row.status = Reexecution.Status.UNVERIFIABLE.name();
                row.finishedAt = now;
                row.detail = "what the run ran is not recorded, so it cannot be run again: " + unreadable.getMessage();
                LOG.warnf("re-execution of action %s skipped: %s", row.actionId, row.detail);
                return new Taken(null, execution.traceId);
            }
            row.status = Reexecution.Status.RUNNING.name();
            // A re-run that disagrees is run a second time, so the lease covers two runs.
            row.leaseUntil = now.plusSeconds(2L * action.spec().resources().wallSeconds()).plus(LEASE_GRACE);
            return new Taken(action, execution.traceId);
        });
    }

    /** @param unstable how a first re-run differed before a second one matched the stored result; null if it did not */
    private void judge(AgentAction action, ExperimentResult reproduced, Optional<ExperimentResult> reseeded,
            String unstable, String traceId) {
        Reexecution row = reexecutions.findById(action.id());
        String how = "run again in a fresh sandbox (" + row.reason.toLowerCase(Locale.ROOT) + ")";
        String stored = executions.findById(action.id()).result;
        List<String> differences = differences(stored, reproduced);
        ReexecutionVerdict verdict = ReexecutionVerdict.of(differences,
                differences.isEmpty() ? RunNumbers.of(EventCodec.decode(stored, ExperimentResult.class)) : null,
                reseeded.map(RunNumbers::of));
        Reexecution.Status status = Reexecution.Status.valueOf(verdict.kind().name());
        row.detail = switch (verdict.kind()) {
            case MISMATCH -> how + ", the stored result is not what the action produces: "
                    + String.join("; ", verdict.reasons());
            case NOT_MEASURED -> how + ", it reproduced; run on fresh seeds " + reseeded.get().perSeed().stream()
                    .map(seed -> Integer.toString(seed.seed())).toList() + ", " + String.join("; ", verdict.reasons());
            case REPRODUCED -> how + ": " + reproduced.metrics().size() + " metrics and " + reproduced.perSeed().size()
                    + " seeds as recorded" + (unstable == null ? ""
                            : " by a second re-run; the first differed, so these runs are not bit-reproducible here ("
                                    + unstable + ")")
                    + (reseeded.isEmpty() ? ""
                            : verdict.reasons().isEmpty() ? "; every metric moved on fresh seeds"
                                    : "; " + String.join("; ", verdict.reasons()));
        };
        row.status = status.name();
        row.finishedAt = clock.instant();
        row.reproduced = EventCodec.encode(reproduced);
        audit.publish(action, status.auditType(), row.detail, traceId);
        meters.counter(MetricNames.REEXECUTIONS, MetricNames.TAG_OUTCOME, row.status).increment();
        if (status != Reexecution.Status.REPRODUCED) {
            LOG.errorf("the result of action %s is quarantined: %s", action.id(), row.detail);
        }
    }

    /** What separates the stored result from the second run, starting with a stored result nobody can vouch for. */
    private List<String> differences(String storedJson, ExperimentResult reproduced) {
        ExperimentResult recorded;
        try {
            recorded = EventCodec.decode(storedJson, ExperimentResult.class);
        } catch (RuntimeException unreadable) {
            return List.of("the stored result is not a result: " + unreadable.getMessage());
        }
        List<String> differences = new ArrayList<>();
        if (!OriginSigner.verifies(executorKey, recorded.payloadHash(), recorded.signature())) {
            differences.add("the stored result's signature is not the executor's");
        }
        differences.addAll(comparison.differences(RunNumbers.of(recorded), RunNumbers.of(reproduced)));
        return differences;
    }

    private record Taken(AgentAction action, String traceId) {
    }
}
