package org.alignlab.ideation.space;

import java.math.BigDecimal;
import java.math.MathContext;
import org.alignlab.contracts.families.FamilyParam;

/**
 * One searched parameter mapped onto [0, 1]: the search works in the unit cube, the experiment gets values a
 * person would write (integers where the schema says so, decimals to three significant digits).
 */
public record Dimension(FamilyParam param, double lo, double hi) {

    private static final MathContext THREE_DIGITS = new MathContext(3);

    public String name() {
        return param.name();
    }

    /** The parameter value at {@code u} in [0, 1]. */
    public Object decode(double u) {
        double unit = Math.max(0, Math.min(1, u));
        return switch (param.kind()) {
            case BOOLEAN -> unit >= 0.5;
            case ENUM -> param.choices().get(Math.min(param.choices().size() - 1,
                    (int) Math.floor(unit * param.choices().size())));
            case INTEGER -> clampLong(Math.round(lo + unit * (hi - lo)));
            case NUMBER -> clamp(new BigDecimal(lo + unit * (hi - lo)).round(THREE_DIGITS).doubleValue());
        };
    }

    /** Where {@code value} lies in [0, 1]; the inverse of {@link #decode} up to rounding. */
    public double encode(Object value) {
        return switch (param.kind()) {
            case BOOLEAN -> Boolean.TRUE.equals(value) ? 1 : 0;
            case ENUM -> (Math.max(0, param.choices().indexOf(value)) + 0.5) / param.choices().size();
            case INTEGER, NUMBER -> hi == lo ? 0.5
                    : Math.max(0, Math.min(1, (((Number) value).doubleValue() - lo) / (hi - lo)));
        };
    }

    private long clampLong(long value) {
        return Math.max((long) Math.ceil(lo), Math.min((long) Math.floor(hi), value));
    }

    private double clamp(double value) {
        return Math.max(lo, Math.min(hi, value));
    }
}
