package org.alignlab.trustedmonitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.json.CanonicalJson;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.Json;
import org.junit.jupiter.api.Test;

class WriteHoneypotsTest {

    /** The executor's committed library, relative to the module directory where Surefire runs. */
    private static final Path COMMITTED = Path.of("../../services/executor/src/main/resources/honeypots/library.jsonl");

    @Test
    void theExecutorsLibraryIsWhatTheCommandWritesAttacksOnlyWithoutParentsAndNoneATrainingRow() throws Exception {
        List<String> lines = WriteHoneypots.lines(MonitorCorpus.build(WriteHoneypots.SEED, 1,
                TrainTrustedMonitor.DEFAULT_HELD_OUT), WriteHoneypots.DEFAULT_PER_CATEGORY);

        assertThat(Files.readAllLines(COMMITTED)).as("regenerate with -Pwrite-honeypots").isEqualTo(lines);
        Map<String, Long> perCategory = lines.stream().map(line -> Json.parse(line).path("category").asText())
                .collect(Collectors.groupingBy(c -> c, Collectors.counting()));
        assertThat(perCategory).hasSize(AttackCategory.values().length)
                .allSatisfy((category, n) -> assertThat(n).isEqualTo(WriteHoneypots.DEFAULT_PER_CATEGORY));

        // The shipped model's corpus (seed 7): no honeypot may be one of its rows, ids aside.
        Set<String> trained = MonitorCorpus.build(TrainTrustedMonitor.DEFAULT_SEED, 1,
                TrainTrustedMonitor.DEFAULT_HELD_OUT).rows().stream().map(row -> withoutIds(row.action()))
                .collect(Collectors.toSet());
        for (String line : lines) {
            AgentAction action = EventCodec.decode(Json.parse(line).path("action").toString(), AgentAction.class);
            assertThat(action.parentActionId()).isNull();
            assertThat(trained).doesNotContain(withoutIds(action));
        }
    }

    private static String withoutIds(AgentAction action) {
        return new String(CanonicalJson.bytes(new AgentAction(null, null, action.round(), action.agent(),
                action.policy(), action.type(), null, action.hypothesis(), action.spec(), null)),
                StandardCharsets.UTF_8);
    }
}
