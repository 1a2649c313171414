package org.alignlab.contracts;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.InvalidEventException;
import org.alignlab.contracts.json.Json;
import org.junit.jupiter.api.Test;

/**
 * The reproductions of issue 13 that concern decoding: each payload passed the schemas before decision 0012 and then
 * stopped a consumer for good (a number canonical JSON cannot write, a NUL PostgreSQL cannot store). Each must now be
 * an {@link InvalidEventException} naming the field, which a consumer dead-letters and moves past.
 */
class PoisonEventTest {

    private static final String FOUR_HUNDRED_DIGITS = "9".repeat(400);

    private static String action(Consumer<ObjectNode> change) {
        ObjectNode tree = (ObjectNode) Json.tree(Samples.action());
        change.accept(tree);
        return tree.toString();
    }

    @Test
    void aFourHundredDigitIntegerInParamsIsRefused() {
        String payload = action(a -> ((ObjectNode) a.get("spec").get("params")).put("hidden", 1))
                .replace("\"hidden\":1", "\"hidden\":" + FOUR_HUNDRED_DIGITS);

        assertThatThrownBy(() -> EventCodec.decode(payload, AgentAction.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("$.spec.params.hidden");
    }

    @Test
    void aNumberBeyondADoubleInParamsIsRefusedRatherThanReadAsInfinity() {
        String payload = action(a -> ((ObjectNode) a.get("spec").get("params")).put("hidden", 1))
                .replace("\"hidden\":1", "\"hidden\":1e400");

        assertThatThrownBy(() -> EventCodec.decode(payload, AgentAction.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("$.spec.params.hidden");
    }

    @Test
    void aNulInPolicyIsRefused() {
        String payload = action(a -> a.put("policy", "default\u0000spec"));

        assertThatThrownBy(() -> EventCodec.decode(payload, AgentAction.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("$.policy")
                .hasMessageContaining("U+0000");
    }

    @Test
    void aNulInHypothesisIsRefused() {
        String payload = action(a -> a.put("hypothesis", "an LLM's rationale\u0000"));

        assertThatThrownBy(() -> EventCodec.decode(payload, AgentAction.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("$.hypothesis")
                .hasMessageContaining("U+0000");
    }

    @Test
    void aNulInAReviewRationaleIsRefused() {
        ObjectNode review = (ObjectNode) Json.tree(Samples.review());
        review.put("rationale", "one run\u0000");

        assertThatThrownBy(() -> EventCodec.decode(review.toString(), Review.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("$.rationale");
    }

    @Test
    void aNulInAResultReasonOrLogTailIsRefused() {
        ObjectNode result = (ObjectNode) Json.tree(Samples.result());
        result.put("reason", "exit 1: \u0000");
        result.put("logTail", "stderr \u0000");

        assertThatThrownBy(() -> EventCodec.decode(result.toString(), ExperimentResult.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("$.reason")
                .hasMessageContaining("$.logTail");
    }

    @Test
    void aNulInAGoalsQuestionIsRefused() {
        ObjectNode round = (ObjectNode) Json.tree(Samples.round());
        round.put("question", "why\u0000?");

        assertThatThrownBy(() -> EventCodec.decode(round.toString(), RoundRequested.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("$.question");
    }

    @Test
    void aProducerCannotPublishANul() {
        AgentAction action = Samples.action();
        AgentAction poisoned = new AgentAction(action.id(), action.goalId(), action.round(), action.agent(),
                action.policy(), action.type(), action.parentActionId(), "rationale\u0000", action.spec(),
                action.createdAt());

        assertThatThrownBy(() -> EventCodec.encode(poisoned))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$.hypothesis");
    }
}
