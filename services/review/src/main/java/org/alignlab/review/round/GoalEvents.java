package org.alignlab.review.round;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.review.anomaly.AnomalyCheck;
import org.alignlab.review.result.ReceivedResult;
import org.alignlab.review.result.ReceivedResultRepository;
import org.alignlab.review.published.ReviewBook;
import org.alignlab.review.published.ReviewPolicy;

/**
 * Records one event under its goal's lock and moves the action's round forward, in one transaction that also queues
 * on the outbox whatever it decided (replications, reviews). The three topics are read on separate threads and the
 * sweeper runs on another; the lock keeps two events of one goal from planning or deciding the same round twice.
 * Every method is idempotent: a redelivered event records nothing new (a redelivered result queues its stored
 * review again). Once both a run's action and its successful result are in, the run is judged against earlier runs
 * of its configuration ({@link AnomalyCheck}) before anything else happens to its round.
 */
@ApplicationScoped
public class GoalEvents {

    @Inject
    TrackedActionRepository tracked;
    @Inject
    ReceivedResultRepository results;
    @Inject
    RoundAdvancer advancer;
    @Inject
    ReviewBook book;
    @Inject
    ReviewPolicy singles;
    @Inject
    AnomalyCheck anomalies;
    private final Clock clock = Clock.systemUTC();

    @Transactional
    public List<Review> action(AgentAction action) {
        GoalLock.acquire(action.goalId());
        Instant now = clock.instant();
        TrackedAction row = tracked.findOrCreate(action.id(), action.goalId(), now);
        if (row.actionJson == null) {
            RoundAdvancer.describe(row, action, now);
        }
        // The result overtook its action: judge it now, before the round can decide a review covering it.
        results.findByIdOptional(action.id()).ifPresent(stored -> anomalies.record(action,
                EventCodec.decode(stored.resultJson, ExperimentResult.class), now));
        return advancer.advance(action.goalId(), row.round, now);
    }

    @Transactional
    public List<Review> verdict(Verdict verdict) {
        GoalLock.acquire(verdict.goalId());
        Instant now = clock.instant();
        TrackedAction row = tracked.findOrCreate(verdict.actionId(), verdict.goalId(), now);
        // A held action is decided again later (by a human or the timeout); the latest decision counts.
        if (row.decidedAt == null || !verdict.decidedAt().isBefore(row.decidedAt)) {
            row.decision = verdict.decision().name();
            row.decidedAt = verdict.decidedAt();
            row.replacementActionId = verdict.replacementActionId();
        }
        return row.round == null ? List.of() : advancer.advance(verdict.goalId(), row.round, now);
    }

    @Transactional
    public List<Review> result(ExperimentResult result) {
        GoalLock.acquire(result.goalId());
        Instant now = clock.instant();
        UUID coveredBefore = tracked.findByIdOptional(result.actionId()).map(row -> row.claimId).orElse(null);
        if (results.findByIdOptional(result.actionId()).isEmpty()) {
            ReceivedResult entity = new ReceivedResult();
            entity.actionId = result.actionId();
            entity.goalId = result.goalId();
            entity.status = result.status().name();
            entity.resultJson = EventCodec.encode(result);
            entity.receivedAt = now;
            results.persist(entity);
        }
        TrackedAction row = tracked.findOrCreate(result.actionId(), result.goalId(), now);
        if (row.actionJson != null) {
            anomalies.record(EventCodec.decode(row.actionJson, AgentAction.class),
                    EventCodec.decode(results.findById(result.actionId()).resultJson, ExperimentResult.class), now);
        }
        List<Review> decided = row.round == null ? List.of() : advancer.advance(result.goalId(), row.round, now);
        if (coveredBefore != null) {
            // A redelivered result gets its review again, exactly as stored.
            book.resend(coveredBefore);
        }
        return decided;
    }

    /** Re-examines a round that waited for its quiet period. */
    @Transactional
    public List<Review> round(UUID goalId, int round) {
        GoalLock.acquire(goalId);
        return advancer.advance(goalId, round, clock.instant());
    }

    /** Reviews a result on its own when its action never arrived; empty if it has arrived meanwhile. */
    @Transactional
    public List<Review> orphan(UUID actionId, UUID goalId) {
        GoalLock.acquire(goalId);
        TrackedAction row = tracked.findOrCreate(actionId, goalId, clock.instant());
        if (row.actionJson != null || row.claimId != null) {
            return List.of();
        }
        ExperimentResult result = EventCodec.decode(results.findById(actionId).resultJson, ExperimentResult.class);
        Review review = singles.review(result);
        row.claimId = review.claimId();
        return book.store(review, clock.instant()).stream().toList();
    }
}
