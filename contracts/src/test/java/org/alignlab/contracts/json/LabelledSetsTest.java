package org.alignlab.contracts.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alignlab.contracts.events.AgentAction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bounds keep every action of the committed labelled sets (deploy/local/control-eval) valid: honest actions and
 * attacks alike must reach the monitor, to be decided and audited, rather than be dead-lettered as unreadable. The
 * test reads nothing of an action but its validity (the sets are evaluation data).
 */
class LabelledSetsTest {

    /** Surefire runs in the module directory; the committed sets are the launcher's. */
    private static final Path SETS = Path.of("../deploy/local/control-eval");

    @ParameterizedTest
    @ValueSource(strings = {"library-heldout.jsonl", "red-team-a/red-team-a.jsonl", "red-team-b/red-team-b.jsonl"})
    void everyActionOfEveryCommittedLabelledSetStillDecodes(String file) throws IOException {
        List<String> lines = Files.readAllLines(SETS.resolve(file));
        Map<String, Integer> decoded = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String label = "?";
            try {
                JsonNode line = Json.parse(lines.get(i));
                label = line.path("label").asText("?");
                EventCodec.decode(line.path("action").toString(), AgentAction.class);
                decoded.merge(label, 1, Integer::sum);
            } catch (InvalidEventException | IllegalArgumentException e) {
                failures.add("line " + (i + 1) + " (" + label + "): " + e.getMessage());
            }
        }
        System.out.println(file + ": decoded " + decoded + ", failed " + failures.size());
        failures.forEach(f -> System.out.println("  " + f.substring(0, Math.min(f.length(), 300))));
        assertThat(failures).as(file).isEmpty();
    }
}
