package org.alignlab.contracts;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.InvalidEventException;
import org.alignlab.contracts.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InvalidEventTest {

    record Case(Object valid, Consumer<ObjectNode> breakIt, String fieldNamed) {
    }

    static Stream<Arguments> brokenSamples() {
        return Stream.of(
                Arguments.of(new Case(Samples.action(), n -> ((ObjectNode) n.get("spec")).remove("family"), "family")),
                Arguments.of(
                        new Case(Samples.action(), n -> ((ObjectNode) n.get("spec")).put("split", "test"), "split")),
                Arguments.of(new Case(Samples.action(), n -> n.put("goalId", "not-a-uuid"), "goalId")),
                Arguments.of(new Case(Samples.action(), n -> n.put("round", 0), "round")),
                Arguments.of(new Case(Samples.action(), n -> n.put("sneaky", true), "sneaky")),
                Arguments.of(new Case(Samples.verdict(), n -> n.put("suspicion", 1.5), "suspicion")),
                Arguments.of(new Case(Samples.verdict(), n -> n.put("decision", "MAYBE"), "decision")),
                Arguments.of(new Case(Samples.result(), n -> n.put("durationMs", -1), "durationMs")),
                Arguments.of(new Case(Samples.round(), n -> n.remove("budgetLeft"), "budgetLeft")));
    }

    @ParameterizedTest
    @MethodSource("brokenSamples")
    void aSchemaViolationIsRejectedNamingTheField(Case c) {
        ObjectNode tree = (ObjectNode) Json.tree(c.valid());
        c.breakIt().accept(tree);

        assertThatThrownBy(() -> EventCodec.decode(tree.toString(), c.valid().getClass()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining(c.fieldNamed());
    }

    @Test
    void notJsonIsRejected() {
        assertThatThrownBy(() -> EventCodec.decode("{not json", AgentAction.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void producersCannotPublishAnInvalidEvent() {
        Verdict bad = new Verdict(Samples.ACTION, Samples.GOAL, null, 0.1, java.util.List.of(), null, "p", "m",
                null, 1, Samples.HASH, Samples.AT, null, null);
        assertThatThrownBy(() -> EventCodec.encode(bad)).hasMessageContaining("decision");
    }

    @Test
    void aResultDecodesOnlyFromItsOwnSchema() {
        assertThatThrownBy(() -> EventCodec.decode(EventCodec.encode(Samples.round()), ExperimentResult.class))
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> EventCodec.decode(EventCodec.encode(Samples.result()), RoundRequested.class))
                .isInstanceOf(InvalidEventException.class);
    }
}
