package org.alignlab.executor.protocol;

import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.LongStream;

/**
 * Seeded randomized property tests on plain JUnit 5 (decision 0008): a trimmed copy of contracts'
 * {@code org.alignlab.contracts.testing.Trials}, whose test classes are not on this module's test classpath (and
 * deploy/infra, which is, cannot hold it: contracts would have to depend on infra, which depends on contracts).
 * Keep the seeds, the step and the property name the same as there, so one {@code -Dalignlab.properties.seed}
 * means the same in every module.
 */
final class Trials {

    static final String SEED_PROPERTY = "alignlab.properties.seed";

    /** Shows each trial's seed where JUnit's display names are shown (IDEs); surefire numbers trials instead. */
    static final String NAME = "seed {0}";

    private static final long DEFAULT_FIRST_SEED = 20_261_126L;

    /** A Weyl step (2^64 divided by the golden ratio): seeds one apart give {@code Random} nearly the same draws. */
    private static final long STEP = 0x9E3779B97F4A7C15L;

    private Trials() {
    }

    /** The seeds of {@code trials} trials, from {@value #SEED_PROPERTY} when it is set. */
    static LongStream seeds(int trials) {
        long first = firstSeed();
        return LongStream.range(0, trials).map(trial -> first + trial * STEP);
    }

    /** The case a trial with this seed checks. */
    static <T> T draw(long seed, Function<Random, T> generator) {
        return generator.apply(new Random(seed));
    }

    /** Checks the property on the case drawn from {@code seed}; a failure names the seed and the case. */
    static <T> void check(long seed, Function<Random, T> generator, Consumer<T> property) {
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
