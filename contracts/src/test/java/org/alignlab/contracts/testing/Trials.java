package org.alignlab.contracts.testing;

import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.LongStream;

/**
 * Seeded randomized property tests on plain JUnit 5 (decision 0008): each trial draws its case from its own
 * {@code new Random(seed)}, so the seed alone reproduces it. There is no shrinking: a failure names the seed and
 * the whole case it drew.
 *
 * <p>A test class hands {@link #seeds(int)} to a {@code @ParameterizedTest(name = Trials.NAME)} through
 * {@code @MethodSource}, so every trial is one test in the report, and calls {@link #check} in it. The seeds are
 * fixed, so CI runs the same cases every time. {@code -Dalignlab.properties.seed=S} starts them from {@code S}
 * instead: to explore other cases, or to rerun a failure, whose seed then drives the first trial.
 */
public final class Trials {

    public static final String SEED_PROPERTY = "alignlab.properties.seed";

    /** Shows each trial's seed where JUnit's display names are shown (IDEs); surefire numbers trials instead. */
    public static final String NAME = "seed {0}";

    private static final long DEFAULT_FIRST_SEED = 20_261_126L;

    /**
     * Seeds one apart give {@code java.util.Random} nearly the same first draws (the same chain length for dozens
     * of trials in a row); a Weyl step of 2^64 divided by the golden ratio spreads them over its whole state.
     */
    private static final long STEP = 0x9E3779B97F4A7C15L;

    private Trials() {
    }

    /** The seeds of {@code trials} trials, from {@value #SEED_PROPERTY} when it is set. */
    public static LongStream seeds(int trials) {
        long first = firstSeed();
        return LongStream.range(0, trials).map(trial -> first + trial * STEP);
    }

    /** The case a trial with this seed checks. */
    public static <T> T draw(long seed, Function<Random, T> generator) {
        return generator.apply(new Random(seed));
    }

    /** Checks the property on the case drawn from {@code seed}; a failure names the seed and the case. */
    public static <T> void check(long seed, Function<Random, T> generator, Consumer<T> property) {
        T drawn = draw(seed, generator);
        try {
            property.accept(drawn);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("property failed for seed " + seed + " (rerun with -D" + SEED_PROPERTY + "="
                    + seed + "): " + String.valueOf(e.getMessage()).strip() + "\ncase: " + drawn, e);
        }
    }

    /** Parsed strictly: a mistyped seed must not silently rerun the default cases. */
    private static long firstSeed() {
        String configured = System.getProperty(SEED_PROPERTY);
        if (configured == null || configured.isBlank()) {
            return DEFAULT_FIRST_SEED;
        }
        try {
            return Long.parseLong(configured.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SEED_PROPERTY + " must be a long, got '" + configured + "'", e);
        }
    }
}
