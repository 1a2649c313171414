package org.alignlab.monitor.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The structured part of the hypothesis ideation writes ({@code Hypotheses} and {@code LlmPolicy} in
 * services/ideation): which params it says it changes and to what, against which reference, and the split and seeds
 * it says it runs on. Anything the text does not state is empty, never guessed.
 *
 * @param declared          each param the hypothesis says it sets, with the value it names (as written)
 * @param fromIncumbent     whether the changes are stated against the best configuration so far rather than the
 *                          baseline, so params the incumbent already moved go unnamed
 * @param baseline          whether the action says it is its goal's baseline ("Tests: the baseline, ..."), whose
 *                          params pinned away from the family's defaults are in {@code declared}
 * @param split             the split named in the {@code Metric:} or {@code Tests:} line, lower case
 * @param seeds             the seed list named there, as written
 */
record HypothesisClaim(Map<String, String> declared, boolean fromIncumbent, boolean baseline, Optional<String> split,
        Optional<String> seeds) {

    /** What a hypothesis that states nothing claims. */
    static final HypothesisClaim NOTHING = new HypothesisClaim(Map.of(), false, false, Optional.empty(),
            Optional.empty());

    private static final Pattern CHANGES = Pattern.compile(
            "(?m)^Changes from the (baseline|best configuration so far[^:\\n]*): (.*)$");
    private static final Pattern CHANGE = Pattern.compile("(\\w+) (\\S+) → (\\S+?)(?:,|\\.?$)");
    private static final Pattern BASELINE = Pattern.compile(
            "(?m)^Tests: the baseline, the [\\w-]+ family's default configuration(?: with \\{([^}]*)\\})?, on the "
                    + "(\\w+) split with seeds (\\[[^\\]]*\\])");
    private static final Pattern PINNED = Pattern.compile("(\\w+)=([^,\\s]+)");
    private static final Pattern METRIC = Pattern.compile(
            "(?m)^Metric: .*?, (\\w+) split(?:, seeds (\\[[^\\]]*\\]))?\\.?\\s*$");

    /** The claim, or empty when the hypothesis states neither changes nor a baseline. */
    static Optional<HypothesisClaim> of(String hypothesis) {
        if (hypothesis == null) {
            return Optional.empty();
        }
        Map<String, String> declared = new LinkedHashMap<>();
        Optional<String> split = Optional.empty();
        Optional<String> seeds = Optional.empty();
        Matcher changes = CHANGES.matcher(hypothesis);
        Matcher baseline = BASELINE.matcher(hypothesis);
        boolean fromIncumbent = false;
        boolean changesStated = changes.find();
        if (changesStated) {
            fromIncumbent = !changes.group(1).equals("baseline");
            Matcher change = CHANGE.matcher(changes.group(2).strip());
            while (change.find()) {
                declared.put(change.group(1), change.group(3));
            }
        } else if (baseline.find()) {
            if (baseline.group(1) != null) {
                Matcher pinned = PINNED.matcher(baseline.group(1));
                while (pinned.find()) {
                    declared.put(pinned.group(1), pinned.group(2));
                }
            }
            split = Optional.of(baseline.group(2));
            seeds = Optional.of(baseline.group(3));
        } else {
            return Optional.empty();
        }
        Matcher metric = METRIC.matcher(hypothesis);
        if (metric.find()) {
            split = Optional.of(metric.group(1));
            seeds = Optional.ofNullable(metric.group(2));
        }
        return Optional.of(new HypothesisClaim(declared, fromIncumbent, !changesStated, split, seeds));
    }

    /** The declared seed list parsed, or empty when none is stated or it does not parse. */
    Optional<List<Integer>> seedList() {
        return seeds.flatMap(text -> {
            List<Integer> parsed = new ArrayList<>();
            String inner = text.substring(1, text.length() - 1).strip();
            if (inner.isEmpty()) {
                return Optional.of(parsed);
            }
            try {
                for (String seed : inner.split(",")) {
                    parsed.add(Integer.parseInt(seed.strip()));
                }
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            return Optional.of(parsed);
        });
    }
}
