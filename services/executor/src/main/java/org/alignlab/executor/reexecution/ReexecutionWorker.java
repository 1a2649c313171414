package org.alignlab.executor.reexecution;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.PublicKey;
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
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.executor.config.ExecutorConfig;
import org.alignlab.executor.execution.AuditPublisher;
import org.alignlab.executor.execution.Execution;
import org.alignlab.executor.execution.ExecutionRepository;
import org.alignlab.executor.execution.ResultFactory;
import org.alignlab.executor.execution.SandboxSlots;
import org.alignlab.sandbox.Sandbox;
import org.alignlab.sandbox.SandboxRequest;
import org.alignlab.sandbox.SandboxRun;
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

    @Inject
    ReexecutionWorker(ExecutorConfig config) {
        comparison = new ResultComparison(config.reexecution().relativeTolerance());
        executorKey = Ed25519.decodePublic(config.signingPublicKey());
    }

    @Scheduled(identity = "reexecutions", every = "${alignlab.executor.reexecution.poll-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void runWaiting() {
        while (sandbox.whyUnavailable().isEmpty() && runNext()) {
            // one after another until none waits
        }
    }

    /** Runs the next waiting re-execution; false when none waits. */
    boolean runNext() {
        Optional<Taken> taken = QuarkusTransaction.requiringNew().call(this::take);
        if (taken.isEmpty()) {
            return false;
        }
        AgentAction action = taken.get().action();
        SandboxRun run = slots.whenFree(action.goalId(),
                () -> sandbox.run(SandboxRequest.forSpec("rerun-" + action.id(), action.spec())));
        ExperimentResult reproduced = results.from(action, run, taken.get().traceId());
        QuarkusTransaction.requiringNew().run(() -> judge(action, reproduced, taken.get().traceId()));
        return true;
    }

    private Optional<Taken> take() {
        Instant now = clock.instant();
        return reexecutions.lockNext(now).map(row -> {
            Execution execution = executions.findById(row.actionId);
            AgentAction action = EventCodec.decode(execution.action, AgentAction.class);
            row.status = Reexecution.Status.RUNNING.name();
            row.leaseUntil = now.plusSeconds(action.spec().resources().wallSeconds()).plus(LEASE_GRACE);
            return new Taken(action, execution.traceId);
        });
    }

    private void judge(AgentAction action, ExperimentResult reproduced, String traceId) {
        Reexecution row = reexecutions.findById(action.id());
        List<String> differences = differences(executions.findById(action.id()).result, reproduced);
        boolean reproducedIt = differences.isEmpty();
        row.status = (reproducedIt ? Reexecution.Status.REPRODUCED : Reexecution.Status.MISMATCH).name();
        row.finishedAt = clock.instant();
        row.reproduced = EventCodec.encode(reproduced);
        row.detail = reproducedIt
                ? "run again in a fresh sandbox (" + row.reason.toLowerCase(Locale.ROOT) + "): "
                        + reproduced.metrics().size()
                        + " metrics and " + reproduced.perSeed().size() + " seeds as recorded"
                : "run again in a fresh sandbox (" + row.reason.toLowerCase(Locale.ROOT)
                        + "), the stored result is not what "
                        + "the action produces: " + String.join("; ", differences);
        audit.publish(action, reproducedIt ? AuditEventType.RESULT_REPRODUCED : AuditEventType.RESULT_MISMATCH,
                row.detail, traceId);
        meters.counter(MetricNames.REEXECUTIONS, MetricNames.TAG_OUTCOME, row.status).increment();
        if (!reproducedIt) {
            LOG.errorf("the stored result of action %s did not reproduce: %s", action.id(), row.detail);
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
        differences.addAll(comparison.differences(recorded, reproduced));
        return differences;
    }

    private record Taken(AgentAction action, String traceId) {
    }
}
