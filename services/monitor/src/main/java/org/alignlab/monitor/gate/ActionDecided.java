package org.alignlab.monitor.gate;

import java.util.List;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.RuleHit;

/**
 * Fired for each verdict written, by the gate or when a hold ends; observed after commit, so metrics and the
 * audit-budget ledger count only decisions that exist.
 *
 * @param action     the action decided: its goal and agent bound what it may add to the calibration window
 * @param byGate     the gate's own first decision on an action; a reviewer's or a timeout's later verdict is not,
 *                   and must not count twice towards the held share
 * @param calibrates whether the decision enters the calibration window
 * @param thresholds the thresholds the gate decided with; null for a later verdict on a hold
 * @param ruleHits   the rules that fired, for the gate's own decision; empty for a later verdict on a hold
 */
public record ActionDecided(AgentAction action, Decision decision, double suspicion, boolean byGate,
        boolean calibrates, Thresholds thresholds, boolean ticketIssued, List<RuleHit> ruleHits) {
}
