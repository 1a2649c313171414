package org.alignlab.bench.literature;

import java.util.OptionalDouble;

/** One row of a question's table: a published qualitative result, what the runs here found, and the verdict. */
public record Finding(String published, String found, Verdict verdict) {

    /**
     * Judges {@code effect} against the published direction and writes what was found: the effect's name, its
     * estimate and interval, the seeds behind it and any {@code context} a reader needs to weigh it.
     */
    public static Finding judge(String published, String effectName, Estimate effect, int direction,
            OptionalDouble delta, String context) {
        String found = effectName + " " + effect.text() + ", " + effect.n() + " seeds"
                + (context.isEmpty() ? "" : "; " + context);
        return new Finding(published, found, Verdict.judge(effect, direction, delta));
    }
}
