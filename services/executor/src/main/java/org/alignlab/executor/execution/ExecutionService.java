package org.alignlab.executor.execution;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.alignlab.contracts.MetricNames;
import org.alignlab.contracts.SpanAttributes;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ExecutionTicket;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.sandbox.Sandbox;
import org.alignlab.sandbox.SandboxRequest;
import org.alignlab.sandbox.SandboxRun;
import org.alignlab.executor.honeypot.HoneypotLedger;
import org.alignlab.executor.ticket.TicketCheck;
import org.alignlab.executor.ticket.TicketCheck.Rejection;
import org.jboss.logging.Logger;

/**
 * Handles one ticket: checks it, refuses it, or uses it up and runs its action once in the sandbox, reporting
 * the start and end to the audit chain and the result to {@code experiment.results} (all through the outbox, see
 * {@link ExecutionRecords}). The checks run in order signature, expiry, decision, honeypot, sandbox, audit record,
 * claim: the cheap local ones first, the claim last, so only a ticket that passed everything uses up its action.
 */
@ApplicationScoped
public class ExecutionService {

    private static final Logger LOG = Logger.getLogger(ExecutionService.class);

    @Inject
    TicketCheck ticketCheck;
    @Inject
    Sandbox sandbox;
    @Inject
    ResultFactory results;
    @Inject
    ExecutionRecords records;
    @Inject
    MeterRegistry meters;
    @Inject
    SandboxSlots slots;
    @Inject
    HoneypotLedger honeypots;
    /** How many handlers in this process are claiming or running each action now. */
    private final Map<UUID, Integer> handling = new ConcurrentHashMap<>();

    public void handle(ExecutionTicket ticket) {
        AgentAction action = ticket.action();
        Span span = Span.current();
        span.setAttribute(SpanAttributes.GOAL_ID, action.goalId().toString());
        span.setAttribute(SpanAttributes.ACTION_ID, action.id().toString());
        span.setAttribute(SpanAttributes.AGENT, action.agent().name().toLowerCase(Locale.ROOT));
        span.setAttribute(SpanAttributes.AUDIT_SEQ, ticket.auditSeq());
        String traceId = traceId(span);

        Optional<Rejection> rejection = ticketCheck.verify(ticket);
        if (rejection.isEmpty()) {
            // A honeypot never runs, whoever let it through; its refusal is audited like any other.
            rejection = honeypots.ticketArrived(action.id()).map(h -> new Rejection(Rejection.Kind.HONEYPOT,
                    "honeypot (" + h.category + "): a known attack injected to measure the gate, never run"));
        }
        if (rejection.isEmpty()) {
            // Checked before the ticket is used up: without a sandbox nothing runs, and nothing is spent.
            rejection = sandbox.whyUnavailable().map(why -> new Rejection(Rejection.Kind.NO_SANDBOX, why));
        }
        if (rejection.isEmpty()) {
            // Throws MonitorUnavailableException when the monitor cannot answer: the failure policy retries the
            // ticket, and until then nothing has run and nothing is used up.
            rejection = ticketCheck.confirmAudited(ticket);
        }
        if (rejection.isEmpty() && !records.knows(ticket.action().id())) {
            // No row of ours: a first run, or a replay after the rows were deleted. The chain tells them apart. With
            // a row, the claim below decides (a replay is refused, a run a dead process left is closed).
            rejection = ticketCheck.confirmNeverStarted(ticket);
        }
        if (rejection.isPresent()) {
            refuse(ticket, rejection.get(), traceId);
            return;
        }
        // The ticket is used up only once a slot is free, so a queued ticket is still unclaimed if the executor dies.
        slots.whenFree(ticket.action().goalId(), () -> {
            UUID actionId = ticket.action().id();
            // Counted before the claim, so a copy of this ticket handled meanwhile never takes this run for abandoned.
            handling.merge(actionId, 1, Integer::sum);
            try {
                Optional<Rejection> replay = records.start(ticket, sandbox.name(), traceId);
                if (replay.isPresent()) {
                    refuse(ticket, replay.get(), traceId, 1);
                } else {
                    run(ticket, traceId);
                }
            } finally {
                handling.computeIfPresent(actionId, (id, n) -> n == 1 ? null : n - 1);
            }
            return null;
        });
    }

    private void refuse(ExecutionTicket ticket, Rejection rejection, String traceId) {
        refuse(ticket, rejection, traceId, 0);
    }

    /**
     * A ticket the monitor really signed whose action a dead executor process left RUNNING comes back unacknowledged
     * (already used, or expired by now): its run is closed FAILED instead of refused, so it does not stay open for
     * ever. Not while another handler in this process has the same action: that one may be running it.
     *
     * @param ownHandlers 1 when called by a handler counted in {@link #handling}, else 0
     */
    private void refuse(ExecutionTicket ticket, Rejection rejection, String traceId, int ownHandlers) {
        boolean handledHereByAnother = handling.getOrDefault(ticket.action().id(), 0) > ownHandlers;
        if (rejection.kind() != Rejection.Kind.BAD_SIGNATURE && !handledHereByAnother
                && records.closeAbandoned(ticket, traceId)) {
            return;
        }
        LOG.warnf("refused ticket %s for action %s: %s", ticket.ticketId(), ticket.action().id(), rejection.detail());
        records.refuse(ticket, rejection, traceId);
        meters.counter(MetricNames.TICKETS_REJECTED, MetricNames.TAG_REASON, rejection.kind().tag()).increment();
    }

    /** Runs the claimed ticket's action; its start is already committed, with EXECUTION_STARTED queued. */
    private void run(ExecutionTicket ticket, String traceId) {
        AgentAction action = ticket.action();
        SandboxRun run = sandbox.run(SandboxRequest.forSpec(action.id().toString(), action.spec()));
        ExperimentResult result = results.from(ticket, run, traceId);
        LOG.infof("action %s finished %s in %d ms%s", action.id(), result.status(), result.durationMs(),
                result.reason() == null ? "" : ": " + result.reason());

        records.finish(ticket, result, traceId);
        meters.counter(MetricNames.EXECUTIONS, MetricNames.TAG_STATUS, result.status().name()).increment();
        Timer.builder(MetricNames.EXECUTION_DURATION).tag(MetricNames.TAG_STATUS, result.status().name())
                .register(meters).record(Duration.ofMillis(result.durationMs()));
    }

    /** The trace this handler runs in, or null outside one (the schema wants 32 hex digits or nothing). */
    static String traceId(Span span) {
        SpanContext context = span.getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }
}
