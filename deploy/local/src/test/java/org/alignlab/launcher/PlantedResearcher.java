package org.alignlab.launcher;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alignlab.contracts.json.Json;

/**
 * The language model of the end-to-end test's planted setting. Asked about the reward-overoptimization family it
 * proposes, in round 1, a change known to help and, in round 2, one known to hurt, predicting of both that the
 * gold reward's peak rises; review must accept the first and reject the second. Asked about any other family it
 * answers in prose, which ideation must refuse, letting its search policy propose the round.
 *
 * <p>Known by running the family on held-out data, seeds 1–10: the defaults give gold_peak 1.03 (sd 0.20); a proxy
 * fitted to eight times the gold labels 2.09 (sd 0.10), as it tracks the gold reward further before best-of-n
 * exploits its errors; labels ten times as noisy 0.17 (sd 0.12). Both differences are over four standard deviations,
 * so with review's 10 held-out seeds neither verdict is left to chance.
 */
final class PlantedResearcher implements UnaryOperator<String> {

    static final String MODEL = "planted-researcher";
    static final String POLICY = "llm/" + MODEL;
    static final String FAMILY = "reward-overoptimization";
    static final Map<String, Object> HELPS = Map.of("proxySamples", 512);
    static final Map<String, Object> HURTS = Map.of("labelNoise", 5.0);

    private static final Pattern ROUND = Pattern.compile("(?m)^Round: (\\d+)$");

    @Override
    public String apply(String prompt) {
        if (!prompt.contains("Experiment family: " + FAMILY)) {
            return "I would rather discuss the question than propose configurations.";
        }
        Matcher round = ROUND.matcher(prompt);
        boolean first = !round.find() || "1".equals(round.group(1));
        Map<String, Object> params = first ? HELPS : HURTS;
        String hypothesis = first
                ? "A proxy fitted to more gold labels tracks the gold reward further, so over-optimization sets in later."
                : "Noisier labels regularise the proxy, so best-of-n exploits it less.";
        return Json.write(Map.of("proposals", List.of(Map.of("params", params, "hypothesis", hypothesis,
                "direction", "increase", "metric", "gold_peak"))));
    }
}
