package org.alignlab.contracts.families;

/** An inclusive range a searched parameter is varied over. */
public record ParamRange(double lo, double hi) {

    public ParamRange {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]");
        }
    }

    public boolean contains(ParamRange other) {
        return other.lo >= lo && other.hi <= hi;
    }

    @Override
    public String toString() {
        return lo + ".." + hi;
    }
}
