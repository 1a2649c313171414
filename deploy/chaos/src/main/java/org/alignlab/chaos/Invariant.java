package org.alignlab.chaos;

import java.util.List;

/**
 * One checked property of a run: what it counted and every violation found (the first few are printed).
 *
 * @param counts what was looked at, as {@code name=value} pairs in print order
 */
public record Invariant(String name, String counts, List<String> violations) {

    private static final int SHOWN = 10;

    public Invariant {
        violations = List.copyOf(violations);
    }

    public boolean holds() {
        return violations.isEmpty();
    }

    public String describe() {
        StringBuilder text = new StringBuilder(String.format("%-4s %-34s %s  violations=%d",
                holds() ? "OK" : "FAIL", name, counts, violations.size()));
        violations.stream().limit(SHOWN).forEach(v -> text.append("\n       - ").append(v));
        if (violations.size() > SHOWN) {
            text.append("\n       - … ").append(violations.size() - SHOWN).append(" more");
        }
        return text.toString();
    }
}
