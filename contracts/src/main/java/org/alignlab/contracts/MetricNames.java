package org.alignlab.contracts;

/**
 * Metric names shared across services, declared once. Micrometer renders dots as underscores, so
 * {@code alignlab.actions.decided} is scraped as {@code alignlab_actions_decided_total}.
 */
public final class MetricNames {

    public static final String GOALS_CREATED = "alignlab.goals.created";
    public static final String GOALS_COMPLETED = "alignlab.goals.completed";
    public static final String ROUNDS_REQUESTED = "alignlab.rounds.requested";
    public static final String ACTIONS_PROPOSED = "alignlab.actions.proposed";
    /** Goals per status, as of the orchestrator's last deadline check. */
    public static final String GOALS_BY_STATUS = "alignlab.goals";
    public static final String ACTIONS_DECIDED = "alignlab.actions.decided";
    public static final String AUDIT_RECORDS = "alignlab.audit.records";
    public static final String TICKETS_ISSUED = "alignlab.tickets.issued";
    public static final String TICKETS_REJECTED = "alignlab.tickets.rejected";
    public static final String EXECUTIONS = "alignlab.executions";
    /** Finished runs run again by the re-execution audit, by outcome (REPRODUCED or MISMATCH). */
    public static final String REEXECUTIONS = "alignlab.reexecutions";
    public static final String EXECUTION_DURATION = "alignlab.execution.duration";
    /**
     * Honeypots (known attacks the executor injects into the live stream) by category and outcome: {@code caught}
     * when the gate's first verdict held, blocked or replaced one, {@code missed} when it allowed one.
     */
    public static final String HONEYPOTS = "alignlab.honeypots";
    /** Caught ÷ decided honeypots per category over the executor's recall window (NaN before the first). */
    public static final String HONEYPOT_RECALL = "alignlab.honeypot.recall";
    public static final String SANDBOXES_RUNNING = "alignlab.executor.sandboxes.running";
    public static final String SANDBOXES_QUEUED = "alignlab.executor.sandboxes.queued";
    public static final String REVIEWS_PUBLISHED = "alignlab.reviews.published";
    /**
     * Results review quarantined because re-executing their action gave other metrics (a RESULT_MISMATCH audit
     * event), each counted once: any increase means a stored result was not what its run produced.
     */
    public static final String RESULTS_QUARANTINED = "alignlab.results.quarantined";
    public static final String DLQ_MESSAGES = "alignlab.dlq.messages";
    public static final String CONSUMER_RETRIES = "alignlab.consumer.retries";
    public static final String TRUSTED_MODEL_UNAVAILABLE = "alignlab.monitor.trusted.model.unavailable";
    public static final String GATE_THRESHOLD = "alignlab.monitor.threshold";
    /** How far each threshold moved over the last N gate decisions (tag {@code kind}: hold, defer). */
    public static final String GATE_THRESHOLD_DRIFT = "alignlab.monitor.threshold.drift";
    /** 1 while either threshold's drift is above the configured limit. */
    public static final String GATE_THRESHOLD_DRIFT_EXCEEDED = "alignlab.monitor.threshold.drift.exceeded";
    public static final String AUDIT_HELD_SHARE = "alignlab.audit.held.share";
    public static final String AUDIT_BUDGET_USED = "alignlab.audit.budget.used";
    public static final String AUDIT_BUDGET_EXCEEDED = "alignlab.audit.budget.exceeded";
    public static final String HELD_ACTIONS = "alignlab.monitor.held.actions";
    public static final String HELD_OLDEST_AGE = "alignlab.monitor.held.oldest.age.seconds";
    public static final String HUMAN_DECISIONS = "alignlab.monitor.human.decisions";
    public static final String GATE_DECISION_DURATION = "alignlab.monitor.decision.duration";
    public static final String OUTBOX_PENDING = "alignlab.outbox.pending";
    /** The gate's suspicion of each action it decides (distribution over fixed buckets in [0, 1]). */
    public static final String GATE_SUSPICION = "alignlab.monitor.suspicion";
    /** Rule hits in the gate's decisions, per rule id (every rule's series exists from startup). */
    public static final String GATE_RULE_HITS = "alignlab.monitor.rule.hits";
    public static final String CHECKPOINTS_PUBLISHED = "alignlab.audit.checkpoints.published";
    /** Checkpoints the monitor refused to sign: the chain since its last checkpoint does not extend it. */
    public static final String CHECKPOINTS_REFUSED = "alignlab.audit.checkpoints.refused";
    /** Seconds since the monitor last signed a checkpoint (verifiers fail past their max age). */
    public static final String CHECKPOINT_AGE = "alignlab.audit.checkpoint.age.seconds";
    /** Inference: time from a request reaching a model's queue to its answer (timer with histogram buckets). */
    public static final String INFERENCE_REQUEST_DURATION = "alignlab.inference.request.duration";
    /** Inference: rows in each forward pass, batched or not (distribution with histogram buckets). */
    public static final String INFERENCE_BATCH_SIZE = "alignlab.inference.batch.size";
    /** Inference: requests waiting for a forward pass, per model. */
    public static final String INFERENCE_QUEUE_DEPTH = "alignlab.inference.queue.depth";
    /** Inference: requests turned away with 503 because the model's queue was full. */
    public static final String INFERENCE_REJECTED = "alignlab.inference.rejected";

    public static final String TAG_DECISION = "decision";
    public static final String TAG_STATUS = "status";
    public static final String TAG_TOPIC = "topic";
    public static final String TAG_REASON = "reason";
    public static final String TAG_VERDICT = "verdict";
    public static final String TAG_KIND = "kind";
    public static final String TAG_MODEL = "model";
    public static final String TAG_RULE = "rule";
    public static final String TAG_OUTCOME = "outcome";
    public static final String TAG_CLIENT = "client";
    public static final String TAG_CATEGORY = "category";

    private MetricNames() {
    }
}
