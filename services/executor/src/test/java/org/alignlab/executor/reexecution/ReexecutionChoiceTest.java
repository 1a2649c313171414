package org.alignlab.executor.reexecution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.IntStream;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.Split;
import org.junit.jupiter.api.Test;

class ReexecutionChoiceTest {

    @Test
    void drawsAboutTheConfiguredShareOfSuccessfulRuns() {
        ReexecutionChoice choice = new ReexecutionChoice(0.1, true, new SplittableRandom(7));

        long chosen = IntStream.range(0, 10_000)
                .filter(i -> choice.of(action(ActionType.RUN_EXPERIMENT), result(ExperimentStatus.SUCCEEDED))
                        .isPresent())
                .count();

        // Binomial(10,000, 0.1): sd 30, so 900..1,100 is more than three sd either side.
        assertThat(chosen).isBetween(900L, 1_100L);
    }

    @Test
    void everySuccessfulHeldOutReplicationIsRunAgain() {
        ReexecutionChoice none = new ReexecutionChoice(0, true, new SplittableRandom(7));

        assertThat(none.of(action(ActionType.REPLICATE_EXPERIMENT), result(ExperimentStatus.SUCCEEDED)))
                .contains(Reexecution.Reason.REPLICATION);
        assertThat(none.of(action(ActionType.RUN_EXPERIMENT), result(ExperimentStatus.SUCCEEDED))).isEmpty();
        assertThat(new ReexecutionChoice(0, false, new SplittableRandom(7))
                .of(action(ActionType.REPLICATE_EXPERIMENT), result(ExperimentStatus.SUCCEEDED))).isEmpty();
    }

    @Test
    void aRunWithoutMetricsIsNeverChosen() {
        ReexecutionChoice all = new ReexecutionChoice(1, true, new SplittableRandom(7));

        for (ExperimentStatus status : List.of(ExperimentStatus.FAILED, ExperimentStatus.TIMED_OUT,
                ExperimentStatus.KILLED, ExperimentStatus.REFUSED)) {
            assertThat(all.of(action(ActionType.REPLICATE_EXPERIMENT), result(status))).as(status.name()).isEmpty();
        }
        assertThat(all.of(action(ActionType.RUN_EXPERIMENT), result(ExperimentStatus.SUCCEEDED)))
                .contains(Reexecution.Reason.SAMPLED);
    }

    @Test
    void aRateIsAShare() {
        assertThatThrownBy(() -> new ReexecutionChoice(1.5, true, new SplittableRandom(7)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReexecutionChoice(Double.NaN, true, new SplittableRandom(7)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static AgentAction action(ActionType type) {
        ExperimentSpec spec = new ExperimentSpec("weak-to-strong", Map.of(), List.of(1), Split.HELDOUT,
                new ResourceRequest(30, 256, 60), null);
        return new AgentAction(UUID.randomUUID(), UUID.randomUUID(), 1, Agent.REVIEW, "default", type, null,
                "a run", spec, Instant.EPOCH);
    }

    private static ExperimentResult result(ExperimentStatus status) {
        return new ExperimentResult(UUID.randomUUID(), UUID.randomUUID(), status, null, Map.of(), List.of(),
                Instant.EPOCH, Instant.EPOCH, 0, null, null, null, null, null, null);
    }
}
