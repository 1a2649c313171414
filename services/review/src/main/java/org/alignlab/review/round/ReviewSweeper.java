package org.alignlab.review.round;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.alignlab.review.config.ReviewConfig;
import org.alignlab.review.result.ReceivedResult;
import org.alignlab.review.result.ReceivedResultRepository;
import org.jboss.logging.Logger;

/**
 * What no event will move on by itself: a round whose runs settled within its quiet period (nothing arrives
 * afterwards to plan it), and a result whose action never reached review (lost, dead-lettered, or older than
 * review's reading of {@code agent.actions}), which after a grace period is reviewed on its own so that its goal
 * does not wait forever.
 */
@ApplicationScoped
public class ReviewSweeper {

    private static final Logger LOG = Logger.getLogger(ReviewSweeper.class);

    @Inject
    ReceivedResultRepository results;
    @Inject
    TrackedActionRepository tracked;
    @Inject
    ReviewFlow flow;
    @Inject
    ReviewConfig config;

    @Scheduled(every = "${alignlab.review.sweep-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        for (Object[] round : QuarkusTransaction.requiringNew().call(tracked::unplannedRounds)) {
            flow.onQuietRound((UUID) round[0], (Integer) round[1]);
        }
        List<ReceivedResult> orphans = QuarkusTransaction.requiringNew()
                .call(() -> results.orphansBefore(Instant.now().minus(config.orphanGrace())));
        for (ReceivedResult orphan : orphans) {
            LOG.warnf("result of action %s (goal %s) arrived %s without its action; reviewing it on its own",
                    orphan.actionId, orphan.goalId, orphan.receivedAt);
            flow.onOrphan(orphan.actionId, orphan.goalId);
        }
    }
}
