package org.alignlab.orchestrator.round;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.orchestrator.budget.BudgetLedger;
import org.alignlab.orchestrator.budget.GoalSpending;
import org.alignlab.orchestrator.goal.GoalRepository;
import org.alignlab.orchestrator.goal.RoundPublisher;
import org.jboss.logging.Logger;

/**
 * Publishes each opened round once its transaction has committed (ideation never hears of a round that is not
 * stored), then marks it published. A round whose publishing failed stays unpublished and the deadline check
 * publishes it again; ideation decides a goal's round once, so a repeat is harmless.
 */
@ApplicationScoped
public class RoundRequests {

    private static final Logger LOG = Logger.getLogger(RoundRequests.class);

    private static final Duration GRACE = Duration.ofSeconds(10);

    private final RoundPublisher publisher;
    private final GoalRepository goals;
    private final GoalSpending spending;
    private final Clock clock;

    RoundRequests(RoundPublisher publisher, GoalRepository goals, GoalSpending spending, Clock clock) {
        this.publisher = publisher;
        this.goals = goals;
        this.spending = spending;
        this.clock = clock;
    }

    void onOpened(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoundOpened opened) {
        publishAndMark(opened.request());
    }

    /**
     * Running goals whose current round is not on the broker yet; a round opened in the last few seconds is left to
     * the commit that opened it.
     */
    public List<UUID> unpublished() {
        return QuarkusTransaction.requiringNew().call(() ->
                goals.idsWithUnpublishedRound(clock.instant().minus(GRACE)));
    }

    /** Publishes the goal's current round again, with what the goal may spend now. */
    public void republish(UUID goalId) {
        RoundRequested request = QuarkusTransaction.requiringNew().call(() -> goals.findByIdOptional(goalId)
                .filter(goal -> goal.isRunning() && !goal.roundPublished())
                .map(goal -> goal.currentRound(new BudgetLedger(goal.budget(),
                        spending.of(goal, clock.instant())).leftFor(goal.round()), List.of()))
                .orElse(null));
        if (request != null) {
            publishAndMark(request);
        }
    }

    private void publishAndMark(RoundRequested request) {
        try {
            publisher.publish(request);
        } catch (RuntimeException e) {
            LOG.warnf(e, "round %d of goal %s is not published yet; the deadline check retries",
                    request.round(), request.goalId());
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> goals.findForUpdate(request.goalId())
                .filter(goal -> goal.round() == request.round())
                .ifPresent(goal -> goal.markRoundPublished()));
    }
}
