package org.alignlab.orchestrator.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What a claim is about, in a researcher's words: the parameters its candidate run changes from its baseline run,
 * as {@code "auxLossAlpha 0 → 0.371, noise 0.1 → 0.2"}. A parameter one side leaves out takes the family's
 * default; one without a known default reads "default".
 */
final class ClaimChange {

    private static final MathContext SIGNIFICANT = new MathContext(4);

    private ClaimChange() {
    }

    /** @return the changes, or "no parameter changed" when the two configurations are the same */
    static String between(Map<String, Object> defaults, Map<String, Object> baseline, Map<String, Object> candidate) {
        Map<String, Object> before = completed(defaults, baseline);
        Map<String, Object> after = completed(defaults, candidate);
        List<String> changes = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            Object from = before.get(name);
            Object to = after.get(name);
            if (!same(from, to)) {
                String fromText = text(from, SIGNIFICANT);
                String toText = text(to, SIGNIFICANT);
                if (fromText.equals(toText)) {
                    // Four digits hide the difference: show the values whole.
                    fromText = text(from, MathContext.UNLIMITED);
                    toText = text(to, MathContext.UNLIMITED);
                }
                changes.add(name + " " + fromText + " → " + toText);
            }
        }
        return changes.isEmpty() ? "no parameter changed" : String.join(", ", changes);
    }

    /** The names of the parameters whose values differ, in name order. */
    static List<String> changedNames(Map<String, Object> defaults, Map<String, Object> baseline,
            Map<String, Object> candidate) {
        Map<String, Object> before = completed(defaults, baseline);
        Map<String, Object> after = completed(defaults, candidate);
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        return names.stream().filter(name -> !same(before.get(name), after.get(name))).toList();
    }

    /** The parameters a run used: {@code params}, and the family's default for each one they leave out. */
    static Map<String, Object> completed(Map<String, Object> defaults, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(defaults);
        if (params != null) {
            all.putAll(params);
        }
        return all;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        return Objects.equals(a, b);
    }

    /** A value as a change shows it: integers exactly, decimals to four significant digits. */
    static String text(Object value) {
        return text(value, SIGNIFICANT);
    }

    /** Integers exactly; decimals to {@code precision} significant digits, without trailing zeros. */
    private static String text(Object value, MathContext precision) {
        if (value == null) {
            return "default";
        }
        if (value instanceof Number n) {
            BigDecimal number = new BigDecimal(n.toString());
            return (number.scale() <= 0 ? number : number.round(precision)).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
