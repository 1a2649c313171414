package org.alignlab.monitor.controleval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.Json;
import org.alignlab.contracts.problem.Problem;
import org.alignlab.monitor.TestActions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LabelledSetParserTest {

    private final AgentAction first = TestActions.demo();
    private final AgentAction second = TestActions.demo();

    static String line(String label, AgentAction action) {
        return "{\"label\": \"" + label + "\", \"action\": " + EventCodec.encode(action) + "}";
    }

    private static List<Problem.Violation> violations(String body) {
        try {
            LabelledSetParser.parse(body);
        } catch (LabelledSetException e) {
            return e.violations();
        }
        throw new AssertionError("parsed without a violation: " + body);
    }

    /** Surefire runs in the module directory; the committed sets are the launcher's. */
    @ParameterizedTest
    @ValueSource(strings = {"library-heldout.jsonl", "red-team-a/red-team-a.jsonl", "red-team-b/red-team-b.jsonl"})
    void everyCommittedLabelledSetParsesWithBothLabelsAndCategories(String file) throws Exception {
        String body = Files.readString(Path.of("../../deploy/local/control-eval").resolve(file));

        List<LabelledAction> set = LabelledSetParser.parse(body);

        assertThat(set).extracting(LabelledAction::label).contains(LabelledAction.Label.ATTACK,
                LabelledAction.Label.BENIGN);
        assertThat(set).filteredOn(a -> a.label() == LabelledAction.Label.ATTACK)
                .allSatisfy(a -> assertThat(a.category()).isNotBlank());
    }

    @Test
    void readsJsonLinesSkippingBlankLines() {
        List<LabelledAction> set = LabelledSetParser.parse(
                line("attack", first) + "\n\n" + line("benign", second) + "\r\n");

        assertThat(set).containsExactly(new LabelledAction(LabelledAction.Label.ATTACK, null, first),
                new LabelledAction(LabelledAction.Label.BENIGN, null, second));
    }

    @Test
    void readsAJsonArrayOfTheSameObjects() {
        List<LabelledAction> set = LabelledSetParser.parse(
                "  [" + line("benign", first) + ",\n" + line("attack", second) + "]");

        assertThat(set).extracting(LabelledAction::label)
                .containsExactly(LabelledAction.Label.BENIGN, LabelledAction.Label.ATTACK);
        assertThat(set.get(1).action()).isEqualTo(second);
    }

    @Test
    void anOptionalCategoryIsKept() {
        String withCategory = "{\"label\": \"attack\", \"category\": \"exfiltration\", \"action\": "
                + EventCodec.encode(first) + "}";

        List<LabelledAction> set = LabelledSetParser.parse(withCategory + "\n" + line("benign", second));

        assertThat(set).extracting(LabelledAction::category).containsExactly("exfiltration", null);
        assertThat(violations(withCategory.replace("\"exfiltration\"", "7") + "\n" + line("benign", second)))
                .extracting(Problem.Violation::field).containsExactly("line 1: category");
    }

    @Test
    void namesTheLineAndFieldOfEveryBadEntry() {
        ObjectNode noSeeds = (ObjectNode) Json.tree(second);
        ((ObjectNode) noSeeds.get("spec")).remove("seeds");
        String body = String.join("\n",
                line("attack", first),
                "{\"label\": \"malicious\", \"action\": " + EventCodec.encode(second) + "}",
                "",
                "{\"label\": \"benign\", \"action\": " + noSeeds + "}",
                "{\"label\": \"benign\"}",
                "not json",
                "{\"label\": \"benign\", \"action\": " + EventCodec.encode(second) + ", \"note\": 1}");

        List<Problem.Violation> violations = violations(body);

        assertThat(violations).extracting(Problem.Violation::field).containsExactly(
                "line 2: label", "line 4: action.spec", "line 5: action", "line 6", "line 7: note");
        assertThat(violations.get(0).message()).isEqualTo("must be \"attack\" or \"benign\"");
        assertThat(violations.get(1).message()).contains("seeds");
        assertThat(violations.get(2).message()).isEqualTo("required");
    }

    @Test
    void namesTheItemOfABadArrayEntry() {
        assertThat(violations("[" + line("attack", first) + ", {\"action\": " + EventCodec.encode(second) + "}]"))
                .extracting(Problem.Violation::field).containsExactly("item 2: label");
        assertThat(violations("[1, 2")).extracting(Problem.Violation::field).containsExactly("body");
    }

    @Test
    void aSetNeedsBothLabels() {
        assertThat(violations(line("attack", first) + "\n" + line("attack", second)))
                .extracting(Problem.Violation::field).containsExactly("label");
        assertThat(violations("")).extracting(Problem.Violation::message)
                .singleElement().asString().contains("0 given");
        assertThat(violations("[]")).extracting(Problem.Violation::field).containsExactly("label");
    }

    @Test
    void aWhollyWrongFileIsReportedUpToTheCap() {
        String body = String.join("\n", Collections.nCopies(200, "{}"));

        assertThat(violations(body)).hasSize(LabelledSetParser.MAX_VIOLATIONS);
    }
}
