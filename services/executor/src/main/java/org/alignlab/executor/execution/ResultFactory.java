package org.alignlab.executor.execution;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ExecutionTicket;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.ResourceUsage;
import org.alignlab.contracts.json.SafeText;
import org.alignlab.contracts.runner.RunnerOutput;
import org.alignlab.sandbox.RunOutcome;
import org.alignlab.sandbox.SandboxRun;

/**
 * Turns how a sandboxed run ended into the {@link ExperimentResult} the platform sees. Everything the workload wrote
 * is untrusted: its stderr tail and any reason quoting it are made safe to store, hash and show (control characters
 * written as visible escapes, lengths capped), so no output can make the result unstorable or unsendable.
 */
public final class ResultFactory {

    static final int MAX_REASON = 4000;

    private final Path djlCacheDir;
    private final int logTailChars;

    public ResultFactory(Path djlCacheDir, int logTailChars) {
        this.djlCacheDir = djlCacheDir;
        this.logTailChars = logTailChars;
    }

    /** A ticket that never ran. */
    public static ExperimentResult refused(ExecutionTicket ticket, String reason, String traceId, Instant at) {
        return new ExperimentResult(ticket.action().id(), ticket.action().goalId(), ExperimentStatus.REFUSED,
                SafeText.sanitize(reason, MAX_REASON, true), Map.of(), List.of(), at, at, 0, null, null, null, traceId,
                null,
                null);
    }

    /**
     * A run whose executor died while it was in progress: FAILED, with no metrics, because nothing of what it did can
     * be trusted or even found again (its sandbox went with the executor or was left behind unwatched).
     */
    static ExperimentResult abandoned(ExecutionTicket ticket, Instant startedAt, Instant now, String traceId) {
        return new ExperimentResult(ticket.action().id(), ticket.action().goalId(), ExperimentStatus.FAILED,
                "the executor stopped while this run was in progress (started " + startedAt + "); its outcome is "
                        + "unknown and it is not run again, because its ticket is used up",
                Map.of(), List.of(), startedAt, now, Math.max(0, Duration.between(startedAt, now).toMillis()), null,
                null, null, traceId, null, null);
    }

    public ExperimentResult from(ExecutionTicket ticket, SandboxRun run, String traceId) {
        return from(ticket.action(), run, traceId);
    }

    public ExperimentResult from(AgentAction action, SandboxRun run, String traceId) {
        RunOutcome outcome = RunOutcome.of(run, action.spec().resources(), djlCacheDir);
        RunnerOutput output = outcome.output();
        return new ExperimentResult(action.id(), action.goalId(), outcome.status(),
                SafeText.sanitize(outcome.reason(), MAX_REASON, true),
                output == null ? Map.of() : output.metrics(),
                output == null ? List.of() : output.perSeed(),
                run.startedAt(), run.finishedAt(), Math.max(0, run.duration().toMillis()),
                new ResourceUsage(run.cpuSeconds(), run.maxRssMb()),
                output == null ? null : output.environment(),
                SafeText.sanitize(tail(run.stderrTail(), logTailChars), logTailChars, true),
                traceId, null, null);
    }

    static String tail(String text, int chars) {
        return text.length() <= chars ? text : text.substring(text.length() - chars);
    }

    /**
     * What is left of a run whose result could not be recorded as built (a bug: the factory makes every result
     * encodable): FAILED with the reason, none of the workload's numbers or text, so its audit trail still closes.
     */
    static ExperimentResult unrecordable(ExperimentResult built, String why) {
        return new ExperimentResult(built.actionId(), built.goalId(), ExperimentStatus.FAILED,
                SafeText.sanitize("the result could not be recorded: " + why, MAX_REASON, true), Map.of(), List.of(),
                built.startedAt(), built.finishedAt(), built.durationMs(), built.resources(), null, null,
                built.traceId(), null, null);
    }
}
