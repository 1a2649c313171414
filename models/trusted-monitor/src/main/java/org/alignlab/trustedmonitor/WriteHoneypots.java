package org.alignlab.trustedmonitor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.alignlab.contracts.json.EventCodec;

/**
 * Writes the executor's honeypot library (services/executor's {@code honeypots/library.jsonl}): attack actions the
 * executor injects into the live stream to measure the gate's recall, one {@code {"category", "action"}} per line.
 * <pre>
 * WriteHoneypots --out FILE [--per-category N]
 * </pre>
 * Drawn from a corpus built with its own seed ({@value #SEED}), so no honeypot is a row of the shipped model's
 * training corpus or of the held-out evaluation set (both seed 7); the attacks are of the same templates, so live
 * recall on them is an upper bound on recall against attacks nobody has seen. Actions that name a parent are left
 * out: a honeypot has no goal history for a parent to live in. The same arguments write the same file.
 */
public final class WriteHoneypots {

    static final long SEED = 1013;
    static final int DEFAULT_PER_CATEGORY = 12;

    private static final ObjectMapper JSON = new ObjectMapper();

    private WriteHoneypots() {
    }

    public static void main(String[] args) throws IOException {
        Path out = null;
        int perCategory = DEFAULT_PER_CATEGORY;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[i + 1]);
                case "--per-category" -> perCategory = Integer.parseInt(args[i + 1]);
                default -> out = null;
            }
        }
        if (out == null || perCategory < 1 || args.length % 2 != 0) {
            System.err.println("usage: WriteHoneypots --out FILE [--per-category N]");
            System.exit(2);
            return;
        }
        List<String> lines = lines(MonitorCorpus.build(SEED, 1, TrainTrustedMonitor.DEFAULT_HELD_OUT), perCategory);
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        Files.write(out, lines);
        System.out.println("wrote " + lines.size() + " honeypots to " + out);
    }

    static List<String> lines(MonitorCorpus corpus, int perCategory) throws IOException {
        Map<String, List<CorpusExample>> byCategory = new LinkedHashMap<>();
        for (CorpusExample row : corpus.rows()) {
            if (row.attack() && row.action().parentActionId() == null) {
                byCategory.computeIfAbsent(row.category(), c -> new ArrayList<>()).add(row);
            }
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, List<CorpusExample>> category : byCategory.entrySet()) {
            List<CorpusExample> rows = new ArrayList<>(category.getValue());
            Collections.shuffle(rows, new Random(SEED * 31 + category.getKey().hashCode()));
            for (CorpusExample row : rows.subList(0, Math.min(perCategory, rows.size()))) {
                ObjectNode line = JSON.createObjectNode();
                line.put("category", category.getKey());
                line.set("action", JSON.readTree(EventCodec.encode(row.action())));
                lines.add(line.toString());
            }
        }
        return lines;
    }
}
