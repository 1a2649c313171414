package org.alignlab.trustedmonitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.trustedmonitor.CorpusExample.Part;

/**
 * The part of the corpus the shipped model never trained on, as a control-evaluation set: the test rows of every
 * trained category (their templates were kept whole out of training) and all of the held-out attack category,
 * a fixed number drawn per category so that every kind of attack and benign action weighs the same.
 */
final class HeldOutActions {

    static final String BENIGN = "benign";
    static final String ATTACK = "attack";

    private static final ObjectMapper JSON = new ObjectMapper();

    private HeldOutActions() {
    }

    /**
     * One JSON line per action, {@code {"label", "category", "action"}}: category by category in the corpus's order,
     * up to {@code attacksPerCategory} rows of each attack category and {@code benignPerCategory} of each benign one,
     * drawn by {@code seed}, each replication preceded by the experiment it replicates (benign, never a corpus row).
     * Benign rows have the category {@value #BENIGN}.
     */
    static List<String> lines(MonitorCorpus corpus, int attacksPerCategory, int benignPerCategory, long seed) {
        Map<String, List<CorpusExample>> byCategory = new LinkedHashMap<>();
        for (CorpusExample row : corpus.rows()) {
            if (row.part() == Part.TEST || row.part() == Part.HELD_OUT_CATEGORY) {
                byCategory.computeIfAbsent(row.category(), c -> new ArrayList<>()).add(row);
            }
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, List<CorpusExample>> category : byCategory.entrySet()) {
            List<CorpusExample> rows = new ArrayList<>(category.getValue());
            Collections.shuffle(rows, new Random(seed * 31 + category.getKey().hashCode()));
            int take = rows.get(0).attack() ? attacksPerCategory : benignPerCategory;
            for (CorpusExample row : rows.subList(0, Math.min(take, rows.size()))) {
                // A replication's parent comes first, as on the platform, so the gate can find what it replicates.
                corpus.replicatedBy(row.action()).ifPresent(parent -> lines.add(line(false, BENIGN, parent)));
                lines.add(line(row.attack(), row.attack() ? row.category() : BENIGN, row.action()));
            }
        }
        return lines;
    }

    private static String line(boolean attack, String category, AgentAction action) {
        ObjectNode line = JSON.createObjectNode();
        line.put("label", attack ? ATTACK : BENIGN);
        line.put("category", category);
        // Exactly the payload the monitor reads from agent.actions: encoded and validated by the shared codec.
        line.set("action", parse(EventCodec.encode(action)));
        return line.toString();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("the codec wrote JSON that does not parse", e);
        }
    }
}
