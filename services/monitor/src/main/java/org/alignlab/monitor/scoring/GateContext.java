package org.alignlab.monitor.scoring;

/**
 * What rules may consult besides the action itself: the configured limits and the per-goal action-rate tracker.
 * Limits are platform-wide today; when goals carry their own budgets to the monitor they belong here too.
 */
public record GateContext(ScoringLimits limits, ActionRateTracker rates) {
}
