package org.alignlab.monitor.scoring.capabilities;

/**
 * What the dependence analysis of a script's results ({@link MetricDependence}) found wrong with one
 * {@code ctx.report(name, value)} call.
 *
 * @param kind   what is wrong with it
 * @param line   1-based line of the {@code report} call
 * @param metric the metric's name as far as the analysis can read it ({@code …} for what it cannot)
 * @param why    what that means, for the reviewer
 */
public record MetricFinding(Kind kind, long line, String metric, String why) {

    /** What a reported metric rests on, when it is not a measurement. */
    public enum Kind {
        /** Computed from constants and params alone: the same for every seed. */
        ASSERTED,
        /** A quantity computed without the seed, plus noise drawn for the occasion. */
        NOISE_ON_ASSERTED,
        /** Computed from the seed's number itself, not from anything drawn with it or measured. */
        CHOSEN_BY_SEED,
        /** The name carries what the script read from outside its context (the host, files, the JVM). */
        NAME_CARRIES_DATA,
        /** The value is computed from the characters, bytes or hash of text from outside the script. */
        VALUE_ENCODES_TEXT,
        /** How the value is computed depends on which split the run is on. */
        SPLIT_CONDITIONAL
    }

    /** {@code line 12 'fit_c': computed from …}. */
    public String describe() {
        return "line " + line + " '" + metric + "': " + why;
    }
}
