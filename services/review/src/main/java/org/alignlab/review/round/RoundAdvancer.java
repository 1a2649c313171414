package org.alignlab.review.round;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.families.FamilyCatalogue;
import org.alignlab.contracts.families.FamilyDefinition;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.platform.outbox.Outbox;
import org.alignlab.review.claim.ClaimEvidence;
import org.alignlab.review.claim.ClaimJudgement;
import org.alignlab.review.claim.ClaimReviewer;
import org.alignlab.review.claim.ReviewSettings;
import org.alignlab.review.config.ReviewConfig;
import org.alignlab.review.result.ReceivedResult;
import org.alignlab.review.result.ReceivedResultRepository;
import org.alignlab.review.published.ReviewBook;
import org.alignlab.review.published.ReviewPolicy;

/**
 * Moves one round of a goal forward as far as its evidence allows, inside the caller's transaction (which holds
 * the goal's lock):
 * <ol>
 *   <li>once the round's runs are settled: form its claims, propose the replications they need (stored and
 *       queued on the outbox here, sent after the commit) and review every run that is not part of a claim on its
 *       own;</li>
 *   <li>once every replication is settled: judge the round's claims together ({@link ClaimReviewer}, adjusted
 *       with the goal's earlier claims) and store one review per claim covering all of its actions.</li>
 * </ol>
 * A run that turns up after its round's claims were formed is reviewed on its own.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RoundAdvancer {

    private final TrackedActionRepository tracked;
    private final ReceivedResultRepository results;
    private final ReviewRoundRepository rounds;
    private final StoredClaimRepository claims;
    private final ReplicationRepository replications;
    private final Outbox outbox;
    private final ReviewBook book;
    private final ReviewPolicy singles;
    private final ClaimReviewer reviewer;
    private final RoundPlanner planner;
    private final Duration quietPeriod;

    public RoundAdvancer(TrackedActionRepository tracked, ReceivedResultRepository results,
            ReviewRoundRepository rounds, StoredClaimRepository claims, ReplicationRepository replications,
            Outbox outbox,
            ReviewBook book, ReviewPolicy singles, ReviewConfig config) {
        this.tracked = tracked;
        this.results = results;
        this.rounds = rounds;
        this.claims = claims;
        this.replications = replications;
        this.outbox = outbox;
        this.book = book;
        this.singles = singles;
        this.reviewer = new ClaimReviewer(config.settings());
        this.quietPeriod = config.roundQuietPeriod();
        this.planner = new RoundPlanner(config.settings(),
                family -> FamilyCatalogue.standard().find(family).flatMap(FamilyDefinition::judgedMetric)
                        .map(m -> new RoundPlanner.Metric(m.name(), m.higherIsBetter(), m.smallestEffect())),
                new ReplicationFactory(config.limits().cpuSeconds(), config.limits().wallSeconds()),
                new HeldoutSeeds(config.heldoutSeeds(), config.maxHeldoutSeeds(), config.alpha(),
                        ReviewSettings.POWER));
    }

    /** @return the reviews decided just now (to count once they are committed) */
    public List<Review> advance(UUID goalId, int round, Instant now) {
        Map<UUID, ActionView> goal = snapshot(goalId);
        List<ActionView> runs = goal.values().stream()
                .filter(view -> view.known() && view.action().round() == round && isRun(view, goal))
                .toList();
        Optional<ReviewRound> stored = rounds.find(goalId, round);
        List<Review> decided = new ArrayList<>();
        if (stored.isEmpty()) {
            if (!runs.isEmpty() && runs.stream().allMatch(view -> view.settled(goal)) && quiet(goalId, round, now)) {
                // A run already reviewed on its own (its action came after the orphan grace) stays out of claims.
                plan(goalId, round, runs.stream().filter(view -> view.claimId() == null).toList(), goal, now,
                        decided);
            }
            return decided;
        }
        ReviewRound reviewRound = stored.get();
        List<StoredClaim> roundClaims = claims.listByRound(goalId, round);
        reviewLateRuns(runs, roundClaims, now, decided);
        if (reviewRound.decidedAt == null) {
            ClaimAssembler assembler = new ClaimAssembler(goal);
            if (roundClaims.stream().allMatch(claim -> assembler.replicationsSettled(claim.planned()))) {
                decide(goalId, roundClaims, assembler, now, decided);
                reviewRound.decidedAt = now;
            }
        }
        return decided;
    }

    /**
     * Whether the round's last action arrived at least the quiet period ago. Review does not know how many
     * actions a round has; ideation proposes them together, and results travel on another topic that may
     * overtake them, so a round whose first run is back must wait a little for its siblings.
     */
    private boolean quiet(UUID goalId, int round, Instant now) {
        Instant cutoff = now.minus(quietPeriod);
        return tracked.listByGoal(goalId).stream()
                .filter(row -> row.round != null && row.round == round && row.actionSeenAt != null)
                .noneMatch(row -> row.actionSeenAt.isAfter(cutoff));
    }

    /** Ideation's runs and trusted replacements of them; review's replications (and their replacements) are not. */
    private static boolean isRun(ActionView view, Map<UUID, ActionView> goal) {
        if (view.is(Agent.IDEATION)) {
            return true;
        }
        if (!view.is(Agent.TRUSTED)) {
            return false;
        }
        ActionView parent = goal.get(view.action().parentActionId());
        return parent == null || !parent.is(Agent.REVIEW);
    }

    private void plan(UUID goalId, int round, List<ActionView> runs, Map<UUID, ActionView> goal, Instant now,
            List<Review> decided) {
        Optional<ActionView> earlierBaseline = rounds.latestWithBaselineBefore(goalId, round)
                .map(earlier -> goal.get(earlier.baselineId));
        RoundPlan plan = planner.plan(round, runs, earlierBaseline, now);
        ReviewRound reviewRound = new ReviewRound();
        reviewRound.roundId = ReviewRound.idOf(goalId, round);
        reviewRound.goalId = goalId;
        reviewRound.round = round;
        reviewRound.baselineId = plan.baseline();
        reviewRound.plannedAt = now;
        reviewRound.decidedAt = plan.claims().isEmpty() ? now : null;
        rounds.persist(reviewRound);
        for (RoundPlan.Single single : plan.singles()) {
            Review review = single.why() == null ? singles.single(single.run().result(), "it did not succeed")
                    : singles.single(single.run().result(), single.why());
            store(review, now, decided);
        }
        for (AgentAction replication : plan.replications()) {
            propose(replication, now);
        }
        for (RoundPlan.PlannedClaim planned : plan.claims()) {
            StoredClaim claim = new StoredClaim();
            claim.claimId = planned.candidate();
            claim.goalId = goalId;
            claim.round = round;
            claim.candidateActionId = planned.candidate();
            claim.baselineActionId = planned.baseline();
            claim.metric = planned.metric();
            claim.higherIsBetter = planned.higherIsBetter();
            claim.createdAt = now;
            claims.persist(claim);
        }
    }

    private void propose(AgentAction action, Instant now) {
        if (replications.findByIdOptional(action.id()).isPresent()) {
            return;
        }
        Replication replication = new Replication();
        replication.actionId = action.id();
        replication.goalId = action.goalId();
        replication.round = action.round();
        replication.forActionId = action.parentActionId();
        replication.split = action.spec().split().name();
        replication.actionJson = EventCodec.encode(action);
        replication.createdAt = now;
        replications.persist(replication);
        outbox.addJson(Topics.AGENT_ACTIONS, replication.goalId.toString(), replication.actionJson);
        // Tracked now, so the round waits for it even before it comes back on agent.actions.
        TrackedAction row = tracked.findOrCreate(action.id(), action.goalId(), now);
        describe(row, action, now);
    }

    static void describe(TrackedAction row, AgentAction action, Instant now) {
        row.actionSeenAt = now;
        row.round = action.round();
        row.agent = action.agent().name();
        row.type = action.type().name();
        row.parentActionId = action.parentActionId();
        row.actionJson = EventCodec.encode(action);
    }

    private void decide(UUID goalId, List<StoredClaim> roundClaims, ClaimAssembler assembler, Instant now,
            List<Review> decided) {
        List<ClaimEvidence> evidence = roundClaims.stream().map(claim -> assembler.evidence(claim.planned())).toList();
        List<ClaimJudgement> judgements = reviewer.review(evidence, claims.decidedPValues(goalId));
        for (int i = 0; i < roundClaims.size(); i++) {
            StoredClaim claim = roundClaims.get(i);
            ClaimJudgement judgement = judgements.get(i);
            record(claim, judgement, now);
            String rationale = "Candidate " + claim.candidateActionId + " against baseline " + claim.baselineActionId
                    + ". " + judgement.rationale();
            store(new Review(goalId, claim.claimId, assembler.coveredActions(claim.planned()), judgement.verdict(),
                    judgement.score(), judgement.effect(), judgement.interval(), judgement.pValue(),
                    judgement.adjustedP(), rationale, judgement.flags()), now, decided)
                    .ifPresent(stored -> {
                        if (stored.held()) {
                            claim.hold(now);
                        }
                        if (stored.withdrawn()) {
                            claim.withdraw(now);
                        }
                    });
        }
    }

    private static void record(StoredClaim claim, ClaimJudgement judgement, Instant now) {
        claim.verdict = judgement.verdict().name();
        claim.pValue = judgement.pValue();
        claim.adjustedP = judgement.adjustedP();
        if (judgement.validation() != null) {
            claim.validationGain = judgement.validation().gain();
            claim.validationP = judgement.validation().pValue();
        }
        if (judgement.heldout() != null) {
            claim.heldoutGain = judgement.heldout().gain();
            claim.hedgesG = judgement.heldout().hedgesG();
        }
        claim.overfitToProxy = judgement.flags().contains(ClaimJudgement.OVERFIT_TO_PROXY);
        claim.decidedAt = now;
    }

    /** Runs that settled after their round's claims were formed and belong to none of them. */
    private void reviewLateRuns(List<ActionView> runs, List<StoredClaim> roundClaims, Instant now,
            List<Review> decided) {
        Set<UUID> inClaims = new HashSet<>();
        roundClaims.forEach(claim -> {
            inClaims.add(claim.candidateActionId);
            inClaims.add(claim.baselineActionId);
        });
        for (ActionView run : runs) {
            if (run.result() != null && run.claimId() == null && !inClaims.contains(run.id())) {
                store(singles.single(run.result(), "it arrived after its round's claims were formed"), now, decided);
            }
        }
    }

    /** @return the review as stored (withdrawn if a result it covers is quarantined), when it is new */
    private Optional<Review> store(Review review, Instant now, List<Review> decided) {
        Optional<Review> stored = book.store(review, now);
        stored.ifPresent(decided::add);
        for (UUID actionId : review.actionIds()) {
            TrackedAction row = tracked.findOrCreate(actionId, review.goalId(), now);
            if (row.claimId == null) {
                row.claimId = review.claimId();
            }
        }
        return stored;
    }

    private Map<UUID, ActionView> snapshot(UUID goalId) {
        Map<UUID, ExperimentResult> byAction = new LinkedHashMap<>();
        for (ReceivedResult result : results.listByGoal(goalId)) {
            byAction.put(result.actionId, EventCodec.decode(result.resultJson, ExperimentResult.class));
        }
        Map<UUID, ActionView> goal = new LinkedHashMap<>();
        for (TrackedAction row : tracked.listByGoal(goalId)) {
            AgentAction action = row.actionJson == null ? null : EventCodec.decode(row.actionJson, AgentAction.class);
            Decision decision = row.decision == null ? null : Decision.valueOf(row.decision);
            goal.put(row.actionId, new ActionView(row.actionId, action, decision, row.replacementActionId,
                    byAction.get(row.actionId), row.claimId));
        }
        return goal;
    }
}
