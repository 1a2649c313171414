package org.alignlab.monitor.scoring.capabilities;

/**
 * What a value depends on: where it came from (the seed, the seed's generator, the params, the host) and what was done
 * with it (measured, computed, turned from text into numbers). Dependences only grow, by union, which is what lets the
 * propagation reach a fixed point. Each of the 256 dependences has a single instance, so the analysis allocates none.
 */
final class Dependence {

    private static final int FLAGS = 8;
    private static final Dependence[] ALL = new Dependence[1 << FLAGS];

    static {
        for (int bits = 0; bits < ALL.length; bits++) {
            ALL[bits] = new Dependence(bits);
        }
    }

    /** Constants alone. */
    static final Dependence NONE = ALL[0];
    /** The seed's number itself ({@code ctx.seed()}). */
    static final Dependence SEED = ALL[1];
    /** Drawn from the seed's generator ({@code ctx.random()}, or a generator constructed from the seed or a draw). */
    static final Dependence RANDOM = ALL[1 << 1];
    /** The params ({@code ctx.param(name)}, {@code ctx.params()}). */
    static final Dependence PARAM = ALL[1 << 2];
    /** Read from outside the script's context: an API off the allow-list (the host, the JVM, files, the clock). */
    static final Dependence HOST = ALL[1 << 3];
    /** Computed from the characters, bytes or hash of text that came from the host or the params. */
    static final Dependence TEXT = ALL[1 << 4];
    /**
     * Drawn values went through something that measures: a comparison, an accumulation in a loop, an index, a library
     * computation.
     */
    static final Dependence MEASURED = ALL[1 << 5];
    /** Arithmetic or a library computation: not a bare constant, param or seed. */
    static final Dependence COMPUTED = ALL[1 << 6];
    /**
     * Which split the run is on ({@code ctx.split()}), other than through the draws of a generator seeded with it:
     * those are the split's data, which is how a split should differ.
     */
    static final Dependence SPLIT = ALL[1 << 7];
    /**
     * What the analysis does not follow (an unresolved call, an anonymous class, a block in a switch expression, an
     * expression nested too deep): assumed to be a measurement of drawn values, so that nothing is reported on a guess.
     */
    static final Dependence UNKNOWN = ALL[RANDOM.bits | MEASURED.bits];

    private final int bits;

    private Dependence(int bits) {
        this.bits = bits;
    }

    /** The union: what depends on both this and {@code other}. */
    Dependence with(Dependence other) {
        return ALL[bits | other.bits];
    }

    /** Whether this includes {@code flag}, one of the single flags above. */
    boolean has(Dependence flag) {
        return (bits & flag.bits) != 0;
    }

    /** Whether this includes everything {@code other} does, so that adding {@code other} changes nothing. */
    boolean includes(Dependence other) {
        return (bits | other.bits) == bits;
    }

    /** This without {@code flag}, one of the single flags above. */
    Dependence without(Dependence flag) {
        return ALL[bits & ~flag.bits];
    }

    /** Whether it depends on draws: drawn from the generator, or measured from what was. */
    boolean drawn() {
        return has(RANDOM) || has(MEASURED);
    }

    /**
     * The dependence of a decision made on this value (a condition, an index): deciding on drawn values measures them
     * (a count, an accuracy, a selection, a resample); deciding on anything else just depends on it.
     */
    Dependence measuredIfDrawn() {
        return drawn() ? with(MEASURED) : this;
    }
}
