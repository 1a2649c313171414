package org.alignlab.monitor.model;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.alignlab.contracts.events.AgentAction;

/** The trusted model's suspicion for actions. Never throws: a failure is an {@link ModelScore.Status#UNAVAILABLE} score. */
public interface TrustedModel {

    /** One score per action, in order; asks for all of them at once so a batch waits for the slowest only. */
    List<ModelScore> scoreAll(List<AgentAction> actions);

    /**
     * {@link #scoreAll}, answered later: the caller can do other work (the gate reads the batch's parents) while the
     * model is asked. The future never fails; by default the scores are computed before it is returned.
     */
    default CompletableFuture<List<ModelScore>> scoreAllAsync(List<AgentAction> actions) {
        return CompletableFuture.completedFuture(scoreAll(actions));
    }
}
