package org.alignlab.bench.literature;

import java.util.List;
import java.util.stream.IntStream;
import org.alignlab.contracts.events.Split;

/**
 * The seeds every arm runs on and the questions there are. Every arm of a question runs on the same seeds, so each
 * comparison is paired: same data, same initial weights, only the arm's params differ.
 */
public final class LiteraturePlan {

    /**
     * Fresh seeds: above the calibration's held-out seeds (1,000,001–1,000,080, docs/review-calibration.md) and the
     * families' READMEs (small seeds), so no result here was looked at before these runs.
     */
    public static final int FIRST_SEED = 3_000_001;
    /** Evaluated on held-out data, as review's replications are. */
    public static final Split SPLIT = Split.HELDOUT;

    private LiteraturePlan() {
    }

    public static List<Integer> seeds(int n) {
        return IntStream.range(FIRST_SEED, FIRST_SEED + n).boxed().toList();
    }

    /** The three canonical questions, in the order docs/science.md presents them. */
    public static List<Question> questions() {
        return List.of(new WeakToStrongQuestion(), new OveroptimizationQuestion(), new ProbeQuestion());
    }

    /**
     * The questions {@code names} select by family name, in the standard order; all of them for none.
     *
     * @throws IllegalArgumentException naming the known questions when a name is not one
     */
    public static List<Question> select(List<String> names) {
        if (names == null || names.isEmpty()) {
            return questions();
        }
        List<String> known = questions().stream().map(Question::name).toList();
        names.stream().filter(name -> !known.contains(name)).findFirst().ifPresent(name -> {
            throw new IllegalArgumentException("no question '" + name + "' (known: " + String.join(", ", known) + ")");
        });
        return questions().stream().filter(q -> names.contains(q.name())).toList();
    }
}
