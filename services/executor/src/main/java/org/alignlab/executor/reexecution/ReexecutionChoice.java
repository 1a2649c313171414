package org.alignlab.executor.reexecution;

import java.util.Optional;
import java.util.random.RandomGenerator;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.ExperimentStatus;

/**
 * Which finished runs are run again. Only successful runs: their metrics are what claims are made of. The random
 * draw happens when a run finishes, from a generator the workload cannot see, so an agent cannot know which of its
 * runs will be checked.
 */
public final class ReexecutionChoice {

    private final double rate;
    private final boolean everyReplication;
    private final RandomGenerator random;

    public ReexecutionChoice(double rate, boolean everyReplication, RandomGenerator random) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("a re-execution rate lies in [0, 1], not " + rate);
        }
        this.rate = rate;
        this.everyReplication = everyReplication;
        this.random = random;
    }

    public Optional<Reexecution.Reason> of(AgentAction action, ExperimentResult result) {
        if (result.status() != ExperimentStatus.SUCCEEDED) {
            return Optional.empty();
        }
        if (everyReplication && action.type() == ActionType.REPLICATE_EXPERIMENT) {
            return Optional.of(Reexecution.Reason.REPLICATION);
        }
        return random.nextDouble() < rate ? Optional.of(Reexecution.Reason.SAMPLED) : Optional.empty();
    }
}
