package org.alignlab.monitor.gate;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.RuleHit;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.Json;
import org.alignlab.contracts.json.Sha256;
import org.alignlab.monitor.audit.AuditFacts;
import org.alignlab.monitor.audit.AuditLog;
import org.alignlab.monitor.audit.AuditRecord;
import org.alignlab.monitor.audit.TraceIds;
import org.alignlab.monitor.model.ModelScore;
import org.alignlab.monitor.model.TrustedModel;
import org.alignlab.monitor.scoring.Lineage;
import org.alignlab.monitor.scoring.RuleScorer;
import org.alignlab.monitor.tickets.SigningKeys;

/**
 * The only way to a ticket. For a batch of proposed actions: look up the parents they name and their goals'
 * baselines and score them outside any write transaction (rules, and the trusted model over HTTP: {@link #score}),
 * then decide with the ledger's current thresholds and, in ONE transaction, drop those already decided
 * (redeliveries), append ACTION_PROPOSED and VERDICT for each of the rest and write what follows
 * ({@link DecisionEffects}) to the outbox ({@link #commit}). Nothing is sent from here: the relay sends after commit,
 * so no verdict or ticket can exist outside the database, and one synchronous commit covers the whole batch.
 */
@ApplicationScoped
public class ActionGate {

    static final String DECIDED_BY = AuditLog.MONITOR;

    @Inject
    SigningKeys keys;
    @Inject
    RuleScorer scorer;
    @Inject
    TrustedModel model;
    @Inject
    AuditBudgetLedger ledger;
    private final ControlProtocol protocol = new ControlProtocol();
    private final TrustedVariants variants = new TrustedVariants();
    @Inject
    AuditLog auditLog;
    @Inject
    VerdictRepository verdicts;
    @Inject
    ActionRecordRepository actions;
    @Inject
    DecisionEffects effects;
    @Inject
    Event<ActionDecided> decided;
    @Inject
    AncestorLookup ancestors;

    /** One proposed action with the span its gate decision is traced in. */
    public record IncomingAction(AgentAction action, Span span) {
    }

    /**
     * Decides each action of the batch once: {@link #score} then {@link #commit}, on the caller's thread.
     *
     * @return the verdicts written, in batch order (redeliveries of decided actions have none)
     */
    public List<Verdict> decide(List<IncomingAction> batch) {
        return commit(score(batch));
    }

    /**
     * Everything about the batch's actions that does not depend on the decisions before them: the trusted model's
     * scores, the parents they name and the rule hits. Writes nothing, so the gate scores the next batch while the
     * one before commits. A parent in a batch not yet committed is not found, which is right: no child can exist
     * before its parent's verdict has left the database. Already decided actions are scored too (a redelivery
     * costs one wasted model score); {@link #commit} skips them.
     */
    ScoredBatch score(List<IncomingAction> batch) {
        Map<UUID, IncomingAction> unique = new LinkedHashMap<>();
        batch.forEach(incoming -> unique.putIfAbsent(incoming.action().id(), incoming));
        if (unique.isEmpty()) {
            return new ScoredBatch(List.of());
        }
        List<IncomingAction> fresh = List.copyOf(unique.values());
        List<AgentAction> freshActions = fresh.stream().map(IncomingAction::action).toList();
        // The model is asked first and its answer awaited only after the parents are read: the two overlap.
        CompletableFuture<List<ModelScore>> asked = model.scoreAllAsync(freshActions);
        Lineage lineage = QuarkusTransaction.requiringNew().call(() -> ancestors.lineageOf(freshActions));
        List<ModelScore> modelScores = asked.join();
        List<Scored> scored = new ArrayList<>(fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            AgentAction action = freshActions.get(i);
            // What the decision transaction needs that no decision changes is computed here, off the commit thread.
            scored.add(new Scored(fresh.get(i), scorer.score(action, lineage), modelScores.get(i),
                    variants.replacementFor(action), Sha256.ofCanonical(action), new ActionRecord(action,
                            Instant.now())));
        }
        return new ScoredBatch(scored);
    }

    /**
     * Decides the scored actions with the ledger's thresholds as they are now (after every batch committed before
     * this one) and, in ONE transaction, skips those already decided (a redelivery, or another monitor's) and
     * appends the rest. Two monitors deciding the same action cannot both commit: the verdicts table's primary key
     * fails the second transaction, whose retry then finds the action decided.
     *
     * @return the verdicts written, in batch order
     */
    List<Verdict> commit(ScoredBatch batch) {
        if (batch.actions().isEmpty()) {
            return List.of();
        }
        Thresholds thresholds = ledger.thresholds();
        Set<UUID> ids = batch.actions().stream().map(scored -> scored.incoming().action().id())
                .collect(Collectors.toSet());
        return QuarkusTransaction.requiringNew().call(() -> {
            Set<UUID> done = verdicts.decided(ids);
            List<Verdict> written = new ArrayList<>(batch.actions().size());
            for (Scored scored : batch.actions()) {
                if (!done.contains(scored.incoming().action().id())) {
                    written.add(record(scored, protocol.decide(scored.ruleHits(), scored.model(), thresholds,
                            scored.replacement().isPresent())));
                }
            }
            return written;
        });
    }

    private Verdict record(Scored scored, GateDecision decision) {
        AgentAction action = scored.incoming().action();
        try (Scope ignored = scored.incoming().span().makeCurrent()) {
            String payloadHash = scored.payloadHash();
            String traceId = TraceIds.current();
            String agent = agentName(action);
            auditLog.append(new AuditFacts(AuditLog.ACTION_PROPOSED, action.goalId(), action.id(), agent,
                    AuditLog.MONITOR, traceId, payloadHash, null, null, null, null, describe(action)));
            UUID replacementId = scored.replacement().map(AgentAction::id)
                    .filter(id -> decision.decision() == Decision.DEFER_TO_TRUSTED)
                    .orElse(null);
            AuditRecord record = auditLog.append(new AuditFacts(AuditLog.VERDICT, action.goalId(), action.id(), agent,
                    AuditLog.MONITOR, traceId, payloadHash, decision.decision().name(), decision.suspicion(),
                    decision.modelScore(), decision.policyVersion(), verdictDetail(decision, scored.model(),
                            replacementId)));
            Verdict verdict = keys.sign(new Verdict(action.id(), action.goalId(), decision.decision(),
                    decision.suspicion(), decision.ruleHits(), decision.modelScore(), decision.policyVersion(),
                    DECIDED_BY, replacementId, record.seq(), record.hash(), record.recordedAt(), null, null));
            boolean calibrates = calibrates(decision, scored.model());
            actions.persist(scored.stored());
            String encodedVerdict = EventCodec.encode(verdict);
            verdicts.persist(new StoredVerdict(verdict, encodedVerdict, payloadHash, action.agent(),
                    decision.thresholds(), calibrates));
            boolean ticketed = effects.apply(action, payloadHash, verdict, encodedVerdict, record, scored.replacement())
                    .isPresent();
            decided.fire(new ActionDecided(action, verdict.decision(), verdict.suspicion(), true, calibrates,
                    decision.thresholds(), ticketed, decision.ruleHits()));
            return verdict;
        }
    }

    /**
     * A HARD block or a model outage says nothing about where ordinary scores lie. Every agent counts: ideation,
     * review's replications and the monitor's own trusted variants are all run by the platform, and an action naming
     * any other agent never reaches the gate (the contract's schema refuses it).
     */
    private static boolean calibrates(GateDecision decision, ModelScore model) {
        return decision.suspicion() < 1.0 && model.status() != ModelScore.Status.UNAVAILABLE;
    }

    /** The agent as it is named on the wire ("ideation"), for audit records and span attributes. */
    public static String agentName(AgentAction action) {
        return action.agent().name().toLowerCase(Locale.ROOT);
    }

    /** A one-line summary for the reviewer; the full action is pinned by the record's payload hash. */
    private static String describe(AgentAction action) {
        return action.type() + " " + action.spec().family() + " split=" + action.spec().split().name()
                .toLowerCase(Locale.ROOT) + " seeds=" + action.spec().seeds() + " policy=" + action.policy()
                + (action.parentActionId() == null ? "" : " parent=" + action.parentActionId());
    }

    /** What the decision was made from, as JSON: rule hits, the thresholds in force, the model's version or outage. */
    private static String verdictDetail(GateDecision decision, ModelScore model, UUID replacementId) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("ruleHits", decision.ruleHits());
        detail.put("thresholds", Map.of("hold", decision.thresholds().hold(), "defer", decision.thresholds().defer()));
        detail.put("model", switch (model.status()) {
            case SCORED -> Map.of("status", "scored", "version", String.valueOf(model.modelVersion()));
            case UNAVAILABLE -> Map.of("status", "unavailable", "reason", model.unavailableReason());
            case DISABLED -> Map.of("status", "disabled");
        });
        if (replacementId != null) {
            detail.put("replacementActionId", replacementId.toString());
        }
        return Json.write(detail);
    }

    /** One action as scored, not yet decided: the thresholds come at commit. */
    record Scored(IncomingAction incoming, List<RuleHit> ruleHits, ModelScore model,
            Optional<AgentAction> replacement, String payloadHash, ActionRecord stored) {
    }

    /** A batch's distinct actions in batch order, scored. */
    record ScoredBatch(List<Scored> actions) {
    }
}
