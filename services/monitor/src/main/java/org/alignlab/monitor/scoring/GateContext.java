package org.alignlab.monitor.scoring;

import org.alignlab.monitor.scoring.capabilities.ScriptAnalyser;

/**
 * What rules may consult besides the action itself: the configured limits, the per-goal action-rate tracker, and the
 * capability analysis of scripts. Limits are platform-wide today; when goals carry their own budgets to the monitor
 * they belong here too.
 */
public record GateContext(ScoringLimits limits, ActionRateTracker rates, ScriptAnalyser scripts) {
}
