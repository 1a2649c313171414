package org.alignlab.monitor.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.monitor.TestActions;
import org.junit.jupiter.api.Test;

class TrustedVariantsTest {

    private final TrustedVariants variants = new TrustedVariants();

    @Test
    void theReplacementRunsTheFamilyDefaultsAsTheTrustedAgentLinkedToTheOriginal() {
        AgentAction original = withSeeds(TestActions.demo(), List.of(1, 2, 3, 4, 5, 6, 7));

        AgentAction replacement = variants.replacementFor(original).orElseThrow();

        assertThat(replacement.agent()).isEqualTo(Agent.TRUSTED);
        assertThat(replacement.policy()).isEqualTo(TrustedVariants.POLICY);
        assertThat(replacement.parentActionId()).isEqualTo(original.id());
        assertThat(replacement.goalId()).isEqualTo(original.goalId());
        assertThat(replacement.spec().family()).isEqualTo(original.spec().family());
        assertThat(replacement.spec().params()).isEmpty();
        assertThat(replacement.spec().seeds()).containsExactly(1, 2, 3, 4, 5);
        assertThat(replacement.spec().split()).isEqualTo(original.spec().split());
        assertThat(replacement.spec().resources()).isEqualTo(original.spec().resources());
        // A valid event: it goes out on agent.actions through the schema-checking codec.
        assertThat(EventCodec.decode(EventCodec.encode(replacement), AgentAction.class)).isEqualTo(replacement);
    }

    @Test
    void aRetriedDecisionProposesTheSameReplacement() {
        AgentAction original = TestActions.demo();

        assertThat(variants.replacementFor(original).orElseThrow().id())
                .isEqualTo(variants.replacementFor(original).orElseThrow().id());
    }

    @Test
    void scriptsAndTrustedReplacementsHaveNoTrustedVariant() {
        AgentAction script = TestActions.script("System.out.println(1);", Map.of());
        AgentAction replacement = variants.replacementFor(TestActions.demo()).orElseThrow();

        assertThat(variants.replacementFor(script)).isEmpty();
        assertThat(variants.replacementFor(replacement)).isEmpty();
    }

    private static AgentAction withSeeds(AgentAction action, List<Integer> seeds) {
        ExperimentSpec spec = action.spec();
        return new AgentAction(action.id(), action.goalId(), action.round(), action.agent(), action.policy(),
                action.type(), action.parentActionId(), action.hypothesis(),
                new ExperimentSpec(spec.family(), spec.params(), seeds, spec.split(), spec.resources(), spec.script()),
                action.createdAt());
    }
}
