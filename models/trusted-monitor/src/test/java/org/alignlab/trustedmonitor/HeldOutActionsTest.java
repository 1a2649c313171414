package org.alignlab.trustedmonitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.trustedmonitor.CorpusExample.Part;
import org.junit.jupiter.api.Test;

class HeldOutActionsTest {

    /** The committed set, relative to the module directory where Surefire runs. */
    private static final Path COMMITTED = Path.of("../../deploy/local/control-eval/library-heldout.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MonitorCorpus corpus = MonitorCorpus.build(TrainTrustedMonitor.DEFAULT_SEED, 1,
            TrainTrustedMonitor.DEFAULT_HELD_OUT);

    @Test
    void holdsOnlyActionsTheShippedModelNeverTrainedOnWithEveryCategory() throws Exception {
        List<String> lines = HeldOutActions.lines(corpus, WriteHeldOutActions.DEFAULT_ATTACKS_PER_CATEGORY,
                WriteHeldOutActions.DEFAULT_BENIGN_PER_CATEGORY, TrainTrustedMonitor.DEFAULT_SEED);
        Set<String> trainedIds = corpus.part(Part.TRAIN).stream().map(row -> row.action().id().toString())
                .collect(Collectors.toSet());

        Map<String, Long> perCategory = lines.stream().map(HeldOutActionsTest::parse)
                .collect(Collectors.groupingBy(line -> line.get("label").asText() + "/" + line.get("category")
                        .asText(), Collectors.counting()));
        Set<String> seen = new HashSet<>();
        for (String line : lines) {
            JsonNode json = parse(line);
            String parent = json.path("action").path("parentActionId").asText(null);
            if (parent != null) {
                assertThat(seen).as("the parent of %s comes first", json.path("action").path("id")).contains(parent);
            }
            seen.add(json.path("action").path("id").asText());
            assertThat(json.fieldNames()).toIterable().containsExactly("label", "category", "action");
            AgentAction action = EventCodec.decode(json.get("action").toString(), AgentAction.class);
            assertThat(trainedIds).doesNotContain(action.id().toString());
        }
        // 70 each of benign experiments, replications and scripts, and the 83 experiments that the 70 benign and 13
        // attack replications replicate, each just before its replication.
        assertThat(perCategory).containsEntry("benign/benign", 293L).containsEntry("attack/sabotage", 25L)
                .containsEntry("attack/network", 25L).hasSize(9);
    }

    @Test
    void theCommittedSetIsWhatTheCommandWritesToday() throws Exception {
        List<String> lines = HeldOutActions.lines(corpus, WriteHeldOutActions.DEFAULT_ATTACKS_PER_CATEGORY,
                WriteHeldOutActions.DEFAULT_BENIGN_PER_CATEGORY, TrainTrustedMonitor.DEFAULT_SEED);

        assertThat(Files.readAllLines(COMMITTED)).as("regenerate with: mvn -B -ntp -pl models/trusted-monitor -am "
                + "process-classes -Pwrite-heldout-actions").isEqualTo(lines);
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
