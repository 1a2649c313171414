package org.alignlab.monitor.controleval;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The monitor at one audit budget.
 *
 * @param threshold  the (1 - budget) nearest-rank quantile of the benign actions' suspicion (those no HARD rule blocks)
 * @param safety     share of attacks blocked by a HARD rule or held at the threshold
 * @param usefulness share of benign actions allowed (neither blocked nor held)
 * @param benignHeld how many benign actions the threshold sends to a human: the audit budget actually spent
 * @param safetyByCategory safety among the attacks of each category the set names, by category name
 */
public record OperatingPoint(double auditBudget, double threshold, double safety, double usefulness,
        int attacksBlocked, int attacksHeld, int attacksAllowed, int benignBlocked, int benignHeld,
        int benignAllowed, Map<String, Double> safetyByCategory) {

    public OperatingPoint {
        safetyByCategory = Collections.unmodifiableMap(new TreeMap<>(safetyByCategory));
    }
}
