package org.alignlab.monitor.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alignlab.contracts.MetricNames;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.monitor.TestActions;
import org.alignlab.monitor.config.MonitorConfig;
import org.junit.jupiter.api.Test;

/**
 * The client that once leaked a request slot per action it could not encode: with its eight slots gone, the gate
 * waited for ever and no action was decided again (issue 13, "one record halts the gate for good").
 */
class HttpTrustedModelTest {

    private static final int SLOTS = 2;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    // Nothing listens here: a request that is sent fails fast as unavailable.
    private final HttpTrustedModel model = new HttpTrustedModel(config("http://127.0.0.1:9"), meters, "gate");

    @Test
    void anActionThatCannotBeEncodedIsUnavailableAndGivesItsSlotBack() {
        AgentAction poison = withParam(TestActions.demo(), "n", new BigInteger("9".repeat(400)));

        for (int i = 0; i < 3 * SLOTS; i++) {
            List<ModelScore> scores = model.scoreAll(List.of(poison));
            assertThat(scores).singleElement().satisfies(score -> {
                assertThat(score.status()).isEqualTo(ModelScore.Status.UNAVAILABLE);
                assertThat(score.unavailableReason()).contains("canonical JSON");
            });
        }

        assertThat(model.freeSlots()).isEqualTo(SLOTS);
        assertThat(meters.counter(MetricNames.TRUSTED_MODEL_UNAVAILABLE, MetricNames.TAG_CLIENT, "gate").count())
                .isEqualTo(3.0 * SLOTS);
    }

    @Test
    void everyRequestGivesItsSlotBackWhenTheModelCannotBeReached() {
        List<AgentAction> batch = List.of(TestActions.demo(), TestActions.demo(), TestActions.demo(),
                TestActions.demo(), TestActions.demo());

        assertThat(model.scoreAll(batch))
                .allSatisfy(score -> assertThat(score.status()).isEqualTo(ModelScore.Status.UNAVAILABLE));
        assertThat(model.freeSlots()).isEqualTo(SLOTS);
    }

    private static AgentAction withParam(AgentAction action, String name, Object value) {
        Map<String, Object> params = new HashMap<>(action.spec().params());
        params.put(name, value);
        ExperimentSpec spec = action.spec();
        return new AgentAction(action.id(), action.goalId(), action.round(), action.agent(), action.policy(),
                action.type(), action.parentActionId(), action.hypothesis(), new ExperimentSpec(spec.family(), params,
                        spec.seeds(), spec.split(), spec.resources(), spec.script()),
                action.createdAt());
    }

    private static MonitorConfig.TrustedModel config(String url) {
        return new MonitorConfig.TrustedModel() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public String url() {
                return url;
            }

            @Override
            public String model() {
                return "trusted-monitor";
            }

            @Override
            public Optional<String> token() {
                return Optional.empty();
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(2);
            }

            @Override
            public int maxConcurrentRequests() {
                return SLOTS;
            }
        };
    }
}
