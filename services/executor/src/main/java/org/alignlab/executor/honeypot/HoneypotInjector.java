package org.alignlab.executor.honeypot;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.alignlab.contracts.SpanAttributes;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.executor.honeypot.HoneypotLibrary.Entry;
import org.alignlab.platform.outbox.Outbox;
import org.jboss.logging.Logger;

/**
 * Sends a honeypot into {@code agent.actions}: a library attack under fresh ids, a goal of its own and the current
 * time, written to the executor's honeypot table and queued on the outbox in one transaction, so the executor knows
 * every honeypot before the gate can let one through. Nothing in the action marks it: the gate sees an ordinary
 * proposal of an ordinary-looking goal.
 */
@ApplicationScoped
public class HoneypotInjector {

    static final String BY_SCHEDULE = "schedule";
    static final String BY_OPERATOR = "operator";

    private static final Logger LOG = Logger.getLogger(HoneypotInjector.class);

    @Inject
    HoneypotLedger ledger;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    /** The span is the action's first: the gate's span continues it, as it continues ideation's. */
    @WithSpan("honeypot inject")
    @Transactional
    public Honeypot inject(Entry entry, String injectedBy) {
        AgentAction template = entry.action();
        AgentAction action = new AgentAction(UUID.randomUUID(), UUID.randomUUID(), template.round(), template.agent(),
                template.policy(), template.type(), null, template.hypothesis(), template.spec(), clock.instant());
        Honeypot honeypot = new Honeypot();
        honeypot.actionId = action.id();
        honeypot.goalId = action.goalId();
        honeypot.category = entry.category();
        honeypot.injectedBy = injectedBy;
        honeypot.injectedAt = action.createdAt();
        ledger.persist(honeypot);
        Span.current()
                .setAttribute(SpanAttributes.GOAL_ID, action.goalId().toString())
                .setAttribute(SpanAttributes.ACTION_ID, action.id().toString())
                .setAttribute(SpanAttributes.AGENT, action.agent().name().toLowerCase(Locale.ROOT));
        outbox.add(Topics.AGENT_ACTIONS, action.goalId().toString(), action);
        LOG.infof("injected honeypot %s (%s) by %s", action.id(), entry.category(), injectedBy);
        return honeypot;
    }
}
