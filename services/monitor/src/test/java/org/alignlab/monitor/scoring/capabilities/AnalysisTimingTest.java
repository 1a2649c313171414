package org.alignlab.monitor.scoring.capabilities;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.alignlab.contracts.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How long the analysis takes per script, measured with a plain loop over a set's scripts, one at a time: the first
 * script (javac cold), then every script once more, warm. It measures rather than checks, so it runs only when asked:
 *
 * <pre>
 * mvn -o -B -pl services/monitor test -Dtest=AnalysisTimingTest \
 *     -Dalignlab.script-analysis.timing=deploy/local/control-eval/red-team-a/red-team-a.jsonl
 * </pre>
 */
@EnabledIfSystemProperty(named = "alignlab.script-analysis.timing", matches = ".+")
class AnalysisTimingTest {

    @Test
    void timesTheAnalysisOfEveryScriptOfTheSet() throws IOException {
        Path set = Path.of("../..").resolve(System.getProperty("alignlab.script-analysis.timing")).normalize();
        List<String> scripts = new ArrayList<>();
        for (String line : Files.readAllLines(set)) {
            JsonNode script = Json.parse(line).path("action").path("spec").path("script");
            if (script.isTextual()) {
                scripts.add(script.asText());
            }
        }
        try (ScriptCapabilities analyser = new ScriptCapabilities(ScriptCapabilities.Limits.DEFAULTS)) {
            long coldStart = System.nanoTime();
            analyser.analyse(scripts.get(0));
            double coldMillis = (System.nanoTime() - coldStart) / 1e6;
            for (String script : scripts) {
                analyser.analyse(script);
            }
            double[] millis = new double[scripts.size()];
            for (int i = 0; i < scripts.size(); i++) {
                long start = System.nanoTime();
                ScriptAnalysis analysis = analyser.analyse(scripts.get(i));
                millis[i] = (System.nanoTime() - start) / 1e6;
                assertThat(analysis.notAnalysed().filter(reason -> reason.contains("within"))).isEmpty();
            }
            Arrays.sort(millis);
            System.out.printf(Locale.ROOT, "%s: %d scripts; first (cold) %.0f ms; warm: median %.1f ms, p90 %.1f ms,"
                    + " p99 %.1f ms, max %.1f ms%n", set.getFileName(), scripts.size(), coldMillis,
                    quantile(millis, 0.5), quantile(millis, 0.9), quantile(millis, 0.99), millis[millis.length - 1]);
        }
    }

    /** Nearest rank. */
    private static double quantile(double[] sorted, double q) {
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
